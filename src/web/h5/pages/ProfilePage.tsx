// 我的资料: display name, home community and the optional identity details (checked by the server, GB 11643).
import { useNavigate } from 'react-router';
import { Button, Dialog, Form, Input, Toast } from 'antd-mobile';
import { ApiError } from '../../shared/api';
import { FormError } from '../components/FormError';
import { SubPage } from '../components/SubPage';
import { ruleFrom } from '../components/formRules';
import { useCurrentUser } from '../features/account/currentUser';
import { useUpdateMe, type UpdateMeInput } from '../features/account/queries';
import { checkDisplayName, checkIdNumber, DISPLAY_NAME_MAX, REAL_NAME_MAX } from '../features/account/validation';
import { CommunityPicker } from '../features/org/CommunityPicker';
import { useI18n } from '../i18n';

interface ProfileForm {
  displayName: string;
  homeNodeId?: string;
  realName?: string;
  idNumber?: string;
}

export function ProfilePage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const update = useUpdateMe();
  const clear = useUpdateMe();

  const onFinish = (values: ProfileForm) => {
    const changes: UpdateMeInput = {};
    const displayName = values.displayName.trim();
    if (displayName !== me.displayName) changes.displayName = displayName;
    if (values.homeNodeId && values.homeNodeId !== me.homeNodeId) changes.homeNodeId = values.homeNodeId;
    const realName = values.realName?.trim();
    if (realName) changes.realName = realName;
    const idNumber = values.idNumber?.trim().toUpperCase();
    if (idNumber) changes.idNumber = idNumber;
    if (Object.keys(changes).length === 0) {
      Toast.show({ content: t('profile.nothingChanged') });
      return;
    }
    update.mutate(changes, {
      onSuccess: () => {
        Toast.show({ icon: 'success', content: t('common.saved') });
        void navigate('/me');
      },
    });
  };

  const onClearIdentity = async () => {
    const ok = await Dialog.confirm({
      content: t('profile.clearConfirm'),
      confirmText: t('common.confirm'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    clear.mutate(
      { realName: null, idNumber: null },
      {
        onSuccess: () => Toast.show({ content: t('profile.cleared') }),
        onError: (error) =>
          Toast.show({ icon: 'fail', content: error instanceof ApiError ? error.message : t('err.generic') }),
      },
    );
  };

  const hasIdentity = !!(me.realNameMasked || me.idNumberMasked);

  return (
    <SubPage title={t('profile.title')} backTo="/me">
      <Form
        name="profile"
        layout="vertical"
        requiredMarkStyle="none"
        initialValues={{ displayName: me.displayName, homeNodeId: me.homeNodeId ?? undefined }}
        onFinish={onFinish}
        onValuesChange={() => update.error && update.reset()}
        footer={
          <>
            <FormError error={update.error} />
            <Button block type="submit" color="primary" size="large" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </>
        }
      >
        <Form.Item name="displayName" label={t('field.displayName')} rules={[ruleFrom(checkDisplayName, t)]}>
          <Input placeholder={t('ph.displayName')} maxLength={DISPLAY_NAME_MAX} clearable />
        </Form.Item>
        <Form.Item name="homeNodeId" label={t('field.community')}>
          <CommunityPicker fallbackLabel={me.homeNodeName} />
        </Form.Item>

        <Form.Header>{t('profile.realNameSection')}</Form.Header>
        <Form.Item
          name="realName"
          label={t('field.realName')}
          rules={[{ max: REAL_NAME_MAX, message: t('err.realNameLong') }]}
        >
          <Input
            placeholder={me.realNameMasked ? t('ph.keepMasked', { value: me.realNameMasked }) : t('ph.realName')}
            maxLength={REAL_NAME_MAX}
            autoComplete="name"
            clearable
          />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('field.idNumber')}
          description={t('profile.realNameNote')}
          rules={[ruleFrom(checkIdNumber, t)]}
        >
          <Input
            placeholder={me.idNumberMasked ? t('ph.keepMasked', { value: me.idNumberMasked }) : t('ph.idNumber')}
            maxLength={18}
            autoComplete="off"
            clearable
          />
        </Form.Item>
      </Form>
      {hasIdentity && (
        <div className="danger-zone">
          <Button block fill="none" color="danger" onClick={onClearIdentity} loading={clear.isPending}>
            {t('profile.clearRealName')}
          </Button>
        </div>
      )}
    </SubPage>
  );
}
