// 消息设置 (/messages/settings): one switch per kind of message; kinds that concern one's plans are always on.
import { List, Switch, Tag, Toast } from 'antd-mobile';
import type { UpdatePreferencesBody } from '../../../shared/api-types';
import { LoadError, Loading } from '../../components/QueryStates';
import { showError } from '../../components/showError';
import { SubPage } from '../../components/SubPage';
import { useNotificationPreferences, useUpdateNotificationPreferences } from '../../features/notifications/queries';
import { useI18n } from '../../i18n';

export function PreferencesPage() {
  const { t } = useI18n();
  const query = useNotificationPreferences();
  const update = useUpdateNotificationPreferences();
  const change = async (kind: UpdatePreferencesBody['items'][number]['kind'], on: boolean) => {
    try {
      await update.mutateAsync({ items: [{ kind, muted: !on }] });
      Toast.show({ content: t('messages.saved') });
    } catch (error) {
      showError(error, t);
    }
  };
  return (
    <SubPage title={t('messages.settings')} backTo="/messages">
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <p className="page-note">{t('messages.settingsNote')}</p>
          <List>
            {query.data.items.map((p) => (
              <List.Item
                key={p.kind}
                extra={
                  p.mutable ? (
                    <Switch
                      checked={!p.muted}
                      disabled={update.isPending}
                      aria-label={p.label}
                      // Only mutable kinds get a switch; the server refuses the others anyway.
                      onChange={(on) => void change(p.kind, on)}
                    />
                  ) : (
                    <Tag color="primary" fill="outline">
                      {t('messages.mustReceive')}
                    </Tag>
                  )
                }
              >
                {p.label}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </SubPage>
  );
}
