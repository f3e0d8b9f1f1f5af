// 星级公示 (/stars/publicity, no sign-in needed): volunteers whose next star level is in publicity, with masked
// names, level, team, community and the period; never a phone or an ID. Signed-in residents may object once each
// (我有异议) with a reason; others are sent to sign in first.
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Card, Dialog, Tag, TextArea, Toast } from 'antd-mobile';
import type { StarPublicityItem } from '../../../shared/api-types';
import { FormError } from '../../components/FormError';
import { PublicShell } from '../../components/PublicShell';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SelectField } from '../../components/SelectField';
import { useMe } from '../../features/account/queries';
import { useCommunities } from '../../features/org/queries';
import { useObjectStar, useStarPublicity } from '../../features/stars/queries';
import { useI18n } from '../../i18n';

const ALL = '*';

function ObjectButton({ item, signedIn }: { item: StarPublicityItem; signedIn: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const object = useObjectStar();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (item.objectedByMe) return <Tag color="warning">{t('stars.objected')}</Tag>;
  if (!signedIn)
    return (
      <Button size="small" onClick={() => navigate('/login', { state: { from: '/stars/publicity' } })}>
        {t('stars.signInToObject')}
      </Button>
    );
  return (
    <>
      <Button size="small" color="warning" fill="outline" onClick={() => setOpen(true)} data-testid="star-object">
        {t('stars.object')}
      </Button>
      <Dialog
        visible={open}
        title={t('stars.objectTitle', { name: item.nameMasked })}
        content={
          <div>
            <p className="muted">{t('stars.objectIntro')}</p>
            <TextArea
              value={reason}
              onChange={setReason}
              placeholder={t('stars.reasonPh')}
              rows={4}
              maxLength={500}
              showCount
              aria-label={t('stars.reason')}
            />
            <FormError error={object.error} />
          </div>
        }
        closeOnMaskClick
        onClose={() => setOpen(false)}
        actions={[
          [
            { key: 'cancel', text: t('stars.cancel'), onClick: () => setOpen(false) },
            {
              key: 'send',
              text: t('stars.send'),
              bold: true,
              disabled: !reason.trim() || object.isPending,
              onClick: async () => {
                await object.mutateAsync({ id: item.id, body: { reason: reason.trim() } }).then(
                  () => {
                    setOpen(false);
                    Toast.show({ icon: 'success', content: t('stars.sent') });
                  },
                  () => undefined,
                );
              },
            },
          ],
        ]}
      />
    </>
  );
}

function List({ districtId, communityId, signedIn }: { districtId?: string; communityId?: string; signedIn: boolean }) {
  const { t } = useI18n();
  const q = useStarPublicity(districtId, communityId);
  if (!districtId || q.isPending) return <Loading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.items.length === 0) return <Empty text={t('stars.empty')} />;
  return (
    <div data-testid="star-publicity">
      {q.data.items.map((i) => (
        <Card key={i.id} className="card" title={`${i.nameMasked} · ${'★'.repeat(i.level)}`}>
          <p>{[i.communityName, i.teamName].filter(Boolean).join(' · ')}</p>
          <p className="muted">{t('stars.period', { from: i.publicityFrom, until: i.publicityUntil })}</p>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
            <span>{i.status === 'objected' ? <Tag color="warning">{t('stars.underReview')}</Tag> : null}</span>
            <ObjectButton item={i} signedIn={signedIn} />
          </div>
        </Card>
      ))}
    </div>
  );
}

export function StarPublicityPage() {
  const { t } = useI18n();
  const me = useMe();
  const nodes = useCommunities();
  const [params, setParams] = useSearchParams();
  const communities = useMemo(
    () => (nodes.data ?? []).filter((n) => n.kind === 'community' && !n.archived),
    [nodes.data],
  );
  const asked = params.get('c');
  const home = me.data?.homeNodeId ?? undefined;
  const chosen = asked === ALL ? undefined : communities.find((c) => c.id === (asked ?? home));
  const districtId = chosen?.districtId ?? communities[0]?.districtId;

  return (
    <PublicShell title={t('stars.publicityTitle')}>
      <p className="muted page-note">{t('stars.publicityIntro')}</p>
      {nodes.isPending ? (
        <Loading />
      ) : (
        <div className="pad-x">
          <SelectField
            id="star-community"
            label={t('stars.community')}
            value={chosen?.id ?? ALL}
            options={[
              { value: ALL, label: t('stars.allCommunities') },
              ...communities.map((c) => ({ value: c.id, label: c.name })),
            ]}
            onChange={(v) => setParams(new URLSearchParams({ c: v }), { replace: true })}
          />
        </div>
      )}
      <List key={chosen?.id ?? ALL} districtId={districtId} communityId={chosen?.id} signedIn={!!me.data} />
    </PublicShell>
  );
}
