// 共建认领 (/partner/projects): for a partner unit's contact — the community's projects open to claim and the ones
// the unit claimed; open one to read it and claim it with a plan. On the phone because contacts are not console
// staff (a teacher or a doctor who checks the list between other work).
import { useState } from 'react';
import { Button, Form, TextArea, Toast } from 'antd-mobile';
import type { Project } from '../../../shared/api-types';
import { ChipSelect } from '../../components/ChipSelect';
import { FormError } from '../../components/FormError';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import {
  useClaimProject,
  useMyPartnerUnits,
  usePartnerProject,
  usePartnerProjects,
  useWithdrawClaim,
} from '../../features/suggestions/queries';
import { showError } from '../../components/showError';
import { type MessageKey, useI18n } from '../../i18n';

function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

function ProjectDetailCard({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const detail = usePartnerProject(id);
  const units = useMyPartnerUnits(true);
  const claim = useClaimProject();
  const withdraw = useWithdrawClaim();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [form] = Form.useForm<{ plan?: string }>();
  if (detail.isPending || units.isPending) return <Loading />;
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const p = detail.data;
  const myUnits = units.data ?? [];
  const chosen = unitId ?? myUnits[0]?.id;
  // The contact sees only their own units' claims: one still live means there is nothing more to claim here.
  const live = p.claims.some((c) => c.status === 'pending' || c.status === 'approved');

  const onFinish = async (v: { plan?: string }) => {
    if (!chosen) return;
    const ok = await claim
      .mutateAsync({ projectId: p.id, partnerUnitId: chosen, plan: (v.plan ?? '').trim() })
      .catch(() => null);
    if (ok) Toast.show({ icon: 'success', content: t('partner.claimed') });
  };

  return (
    <section className="card" aria-labelledby="partner-project-title" data-testid="partner-project">
      <h2 id="partner-project-title" className="card__title">
        {p.title}
      </h2>
      <p>{p.description || t('partner.noDescription')}</p>
      <p className="muted">
        {p.communityName} · {t('partner.budget', { yuan: yuan(p.budgetFen) })} ·{' '}
        {t(`partner.st.${p.status}` as MessageKey)}
      </p>
      {p.resources.length > 0 && (
        <>
          <h3>{t('partner.resources')}</h3>
          <ul>
            {p.resources.map((r) => (
              <li key={r.id}>
                {r.title}（{r.providerName}）
              </li>
            ))}
          </ul>
        </>
      )}
      {p.claims.length > 0 && (
        <>
          <h3>{t('partner.myClaims')}</h3>
          <ul>
            {p.claims.map((c) => (
              <li key={c.id}>
                {c.partnerUnitName}：{t(`partner.cl.${c.status}` as MessageKey)}
                {c.rejectReason ? `（${c.rejectReason}）` : ''}
                {c.status === 'pending' && (
                  <Button
                    size="small"
                    style={{ marginLeft: 8 }}
                    loading={withdraw.isPending}
                    onClick={() =>
                      withdraw.mutate(c.id, {
                        onSuccess: () => void Toast.show({ content: t('partner.withdrawn') }),
                        onError: (e) => showError(e, t),
                      })
                    }
                  >
                    {t('partner.withdraw')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.status === 'published' && myUnits.length > 0 && !live && (
        <Form
          form={form}
          name="claim"
          layout="vertical"
          requiredMarkStyle="none"
          onFinish={(v: { plan?: string }) => void onFinish(v)}
          footer={
            <>
              <FormError error={claim.error} />
              <Button block type="submit" color="primary" size="large" loading={claim.isPending}>
                {t('partner.claim')}
              </Button>
            </>
          }
        >
          {myUnits.length > 1 && (
            <Form.Item label={t('partner.unit')}>
              <ChipSelect<string>
                label={t('partner.unit')}
                value={chosen}
                onChange={setUnitId}
                options={myUnits.map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="plan"
            label={t('partner.plan')}
            rules={[{ required: true, whitespace: true, message: t('partner.planRequired') }]}
          >
            <TextArea placeholder={t('partner.planPh')} rows={4} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      )}
      <Button block size="large" onClick={onClose}>
        {t('partner.backToList')}
      </Button>
    </section>
  );
}

function ProjectRow({ p, onOpen }: { p: Project; onOpen: () => void }) {
  const { t } = useI18n();
  return (
    <li>
      <button
        type="button"
        className="card partner-project"
        onClick={onOpen}
        style={{
          display: 'flex',
          flexDirection: 'column',
          gap: 6,
          textAlign: 'left',
          fontSize: 18,
          border: 'none',
          boxSizing: 'border-box',
        }}
      >
        <strong>{p.title}</strong>
        <span className="muted">
          {p.communityName} · {t(`partner.st.${p.status}` as MessageKey)}
          {p.claimedUnitName ? ` · ${p.claimedUnitName}` : ''}
        </span>
      </button>
    </li>
  );
}

export function PartnerProjectsPage() {
  const { t } = useI18n();
  const units = useMyPartnerUnits(true);
  const projects = usePartnerProjects();
  const [openId, setOpenId] = useState<string | null>(null);

  let body;
  if (openId) body = <ProjectDetailCard id={openId} onClose={() => setOpenId(null)} />;
  else if (projects.isPending || units.isPending) body = <Loading />;
  else if (projects.isError) body = <LoadError error={projects.error} onRetry={() => void projects.refetch()} />;
  else if ((units.data ?? []).length === 0) body = <Empty text={t('partner.noUnit')} />;
  else if (projects.data.length === 0) body = <Empty text={t('partner.empty')} />;
  else
    body = (
      <>
        <p className="muted" style={{ padding: '0 16px' }}>
          {t('partner.units', { names: (units.data ?? []).map((u) => u.name).join('、') })}
        </p>
        <ul className="plain-list">
          {projects.data.map((p) => (
            <ProjectRow key={p.id} p={p} onOpen={() => setOpenId(p.id)} />
          ))}
        </ul>
      </>
    );

  return (
    <SubPage title={t('partner.title')} backTo="/">
      {body}
    </SubPage>
  );
}
