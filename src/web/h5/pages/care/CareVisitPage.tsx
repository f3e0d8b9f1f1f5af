// 记录走访 (/care/:id): the person (full name, address, phone — the read is logged), their colour, and a form to log
// a visit on the spot: what I found, 一切安好 / 需要帮助 (with a need category: the need goes to the community), and an
// emergency switch. Below, the past visits.
import { useParams } from 'react-router';
import { Button, Form, Switch, Tag, TextArea, Toast } from 'antd-mobile';
import { ChipSelect } from '../../components/ChipSelect';
import { FormError } from '../../components/FormError';
import { LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { ALERT_COLOR, ALERT_LABEL, TIER_LABEL } from '../../features/care/labels';
import { useCareSubject, useLogCareVisit } from '../../features/care/queries';
import { useNeedCategories } from '../../features/needs/queries';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/time';

type Outcome = 'well' | 'needs_help';

interface Values {
  findings?: string;
  outcome?: Outcome;
  needCategory?: string;
  emergency?: boolean;
}

export function CareVisitPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const query = useCareSubject(id);
  const log = useLogCareVisit(id);
  const categories = useNeedCategories();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);

  if (query.isPending) return <Loading />;
  if (query.isError)
    return (
      <SubPage title={t('care.visit.title')} backTo="/care">
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </SubPage>
    );
  const s = query.data;

  const onFinish = async (v: Values) => {
    const done = await log
      .mutateAsync({
        findings: v.findings!.trim(),
        outcome: v.outcome!,
        needCategory: v.outcome === 'needs_help' ? v.needCategory : undefined,
        emergency: !!v.emergency,
      })
      .catch(() => null);
    if (done) {
      Toast.show({ icon: 'success', content: t('care.visit.done') });
      form.resetFields();
    }
  };

  return (
    <SubPage title={t('care.visit.title')} backTo="/care">
      <section className="card" style={{ margin: '0 16px 12px' }} aria-label={s.fullName}>
        <strong style={{ fontSize: '1.3em' }}>{s.fullName}</strong>{' '}
        <Tag color={ALERT_COLOR[s.alert]} data-testid="care-alert" data-alert={s.alert} style={{ fontSize: '1em' }}>
          {t(ALERT_LABEL[s.alert])}
        </Tag>{' '}
        <Tag fill="outline">{t(TIER_LABEL[s.tier])}</Tag>
        {s.address && <p style={{ margin: '6px 0' }}>{t('care.visit.address', { address: s.address })}</p>}
        {s.phone && (
          <p style={{ margin: '6px 0' }}>
            <a href={`tel:${s.phone}`}>{t('care.visit.phone', { phone: s.phone })}</a>
          </p>
        )}
        <p style={{ margin: '6px 0' }}>
          {s.emergency
            ? t('care.emergency')
            : s.daysOverdue > 0
              ? t('care.overdue', { days: s.daysOverdue })
              : t('care.next', { at: formatDate(s.nextVisitAt) })}
        </p>
        <p style={{ margin: '6px 0', color: 'var(--adm-color-weak)' }}>
          {s.lastVisitAt ? t('care.last', { at: formatDateTime(s.lastVisitAt, locale) }) : t('care.never')}
        </p>
      </section>
      {s.canVisit && (
        <Form
          form={form}
          name="care-visit"
          layout="vertical"
          requiredMarkStyle="none"
          initialValues={{ emergency: false }}
          onFinish={(v: Values) => void onFinish(v)}
          onValuesChange={() => {
            if (log.error) log.reset();
          }}
          footer={
            <>
              <FormError error={log.error} />
              <Button block type="submit" color="primary" size="large" loading={log.isPending}>
                {t('care.visit.submit')}
              </Button>
            </>
          }
        >
          <Form.Item
            name="findings"
            label={t('care.visit.findings')}
            rules={[{ required: true, whitespace: true, message: t('care.visit.findingsRequired') }]}
          >
            <TextArea placeholder={t('care.visit.findingsPh')} rows={3} maxLength={1000} showCount />
          </Form.Item>
          <Form.Item
            name="outcome"
            label={t('care.visit.outcome')}
            rules={[{ required: true, message: t('care.visit.categoryRequired') }]}
          >
            <ChipSelect<Outcome>
              label={t('care.visit.outcome')}
              options={[
                { value: 'well', label: t('care.visit.well') },
                { value: 'needs_help', label: t('care.visit.needsHelp') },
              ]}
            />
          </Form.Item>
          {outcome === 'needs_help' && (
            <Form.Item
              name="needCategory"
              label={t('care.visit.category')}
              rules={[{ required: true, message: t('care.visit.categoryRequired') }]}
            >
              <ChipSelect<string>
                label={t('care.visit.category')}
                options={(categories.data?.categories ?? []).map((c) => ({ value: c.key, label: c.name }))}
              />
            </Form.Item>
          )}
          <Form.Item name="emergency" label={t('care.visit.emergency')} valuePropName="checked">
            <Switch aria-label={t('care.visit.emergency')} />
          </Form.Item>
        </Form>
      )}
      {s.visits.length > 0 && (
        <section style={{ margin: '12px 16px' }}>
          <h2 className="card__title">{t('care.visit.history')}</h2>
          <ul className="plain-list">
            {s.visits.map((v) => (
              <li key={v.id} className="card" style={{ marginBottom: 8 }}>
                <span style={{ display: 'block', color: 'var(--adm-color-weak)' }}>
                  {t('care.visit.by', { name: v.visitorName, at: formatDateTime(v.visitedAt, locale) })}
                </span>
                {v.findings}
              </li>
            ))}
          </ul>
        </section>
      )}
    </SubPage>
  );
}
