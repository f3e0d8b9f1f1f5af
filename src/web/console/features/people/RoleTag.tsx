// A role assignment shown as "社区管理员 · 幸福社区".
import { Tag } from 'antd';
import type { RoleAssignment } from '../../../shared/types';
import { useI18n } from '../../i18n';
import { ROLE_COLOR } from '../../lib/roles';

export function RoleTag({ assignment }: { assignment: RoleAssignment }) {
  const { t } = useI18n();
  return (
    <Tag color={ROLE_COLOR[assignment.role]} style={{ marginInlineEnd: 4, marginBlock: 2 }}>
      {t(`role.${assignment.role}`)} · {assignment.nodeName}
    </Tag>
  );
}
