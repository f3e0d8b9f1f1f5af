// 我有需求 (/needs/new): a grid of big category pictures, a few words about the need, when (today, tomorrow, this
// week, a chosen day, any time), where (empty = home), how urgent and who may see it, each in plain words.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Form, Input, TextArea, Toast } from 'antd-mobile';
import { ChipSelect } from '../../components/ChipSelect';
import { DateTimeField } from '../../components/DateTimeField';
import { FormError } from '../../components/FormError';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { useCurrentUser } from '../../features/account/currentUser';
import { CategoryMark } from '../../features/needs/CategoryMark';
import { PRIVACIES, PRIVACY_LABEL, URGENCIES, URGENCY_LABEL } from '../../features/needs/labels';
import { useCreateNeed, useNeedCategories } from '../../features/needs/queries';
import type { NeedCategory, Privacy, Urgency } from '../../../shared/api-types';
import { useI18n } from '../../i18n';
import { chinaMidnight, chinaWeekEnd } from '../../lib/time';

type When = 'today' | 'tomorrow' | 'week' | 'date' | 'any';
const WHENS: When[] = ['today', 'tomorrow', 'week', 'date', 'any'];

interface Values {
  category?: string;
  description?: string;
  when?: When;
  date?: string;
  place?: string;
  urgency?: Urgency;
  privacy?: Privacy;
}

/** The time window a preset stands for, in UTC ISO strings (China days, ending at 23:59 of the last one). */
function windowOf(when: When, date: string | undefined): { windowStart: string | null; windowEnd: string | null } {
  const now = new Date();
  const endOf = (midnightAfter: Date) => new Date(midnightAfter.getTime() - 60_000).toISOString();
  switch (when) {
    case 'today':
      return { windowStart: now.toISOString(), windowEnd: endOf(chinaMidnight(1, now)) };
    case 'tomorrow':
      return { windowStart: chinaMidnight(1, now).toISOString(), windowEnd: endOf(chinaMidnight(2, now)) };
    case 'week':
      return { windowStart: now.toISOString(), windowEnd: endOf(chinaWeekEnd(now)) };
    case 'date':
      return { windowStart: date ?? null, windowEnd: null };
    case 'any':
      return { windowStart: null, windowEnd: null };
  }
}

function CategoryGrid({
  categories,
  value,
  onChange,
}: {
  categories: NeedCategory[];
  value?: string;
  onChange?: (v: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="tiles" role="group" aria-label={t('needs.new.category')}>
      {categories.map((c) => (
        <button
          key={c.key}
          type="button"
          className="tile"
          aria-pressed={value === c.key}
          onClick={() => onChange?.(c.key)}
          style={value === c.key ? { outline: '3px solid var(--adm-color-primary)', borderRadius: 12 } : undefined}
        >
          <CategoryMark category={c.key} name={c.name} />
          <span className="tile__label">{c.name}</span>
        </button>
      ))}
    </div>
  );
}

export function NewNeedPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const categories = useNeedCategories();
  const create = useCreateNeed();
  const [form] = Form.useForm<Values>();
  const [when, setWhen] = useState<When>('any');

  if (!me.homeNodeId) {
    return (
      <SubPage title={t('needs.new.title')} backTo="/">
        <Empty text={t('needs.new.noHome')}>
          <Link to="/me/profile">{t('needs.new.setHome')}</Link>
        </Empty>
      </SubPage>
    );
  }
  if (categories.isPending || categories.isError) {
    return (
      <SubPage title={t('needs.new.title')} backTo="/">
        {categories.isPending ? (
          <Loading />
        ) : (
          <LoadError error={categories.error} onRetry={() => void categories.refetch()} />
        )}
      </SubPage>
    );
  }

  const onFinish = async (v: Values) => {
    const need = await create
      .mutateAsync({
        category: v.category!,
        description: v.description!.trim(),
        urgency: v.urgency ?? 'normal',
        privacy: v.privacy ?? 'community',
        place: v.place?.trim() || null,
        ...windowOf(v.when ?? 'any', v.date),
      })
      .catch(() => null);
    if (need) {
      Toast.show({ icon: 'success', content: t('needs.new.done') });
      void navigate(`/needs/${need.id}`, { replace: true });
    }
  };

  return (
    <SubPage title={t('needs.new.title')} backTo="/">
      <Form
        form={form}
        name="need-new"
        layout="vertical"
        requiredMarkStyle="none"
        initialValues={{ when: 'any', urgency: 'normal', privacy: 'community' }}
        onFinish={(v: Values) => void onFinish(v)}
        onValuesChange={(changed: Values) => {
          if (changed.when) setWhen(changed.when);
          if (create.error) create.reset();
        }}
        footer={
          <>
            <FormError error={create.error} />
            <Button block type="submit" color="primary" size="large" loading={create.isPending}>
              {t('needs.new.submit')}
            </Button>
          </>
        }
      >
        <Form.Header>{t('needs.new.intro')}</Form.Header>
        <Form.Item
          name="category"
          label={t('needs.new.category')}
          rules={[{ required: true, message: t('needs.new.categoryRequired') }]}
        >
          <CategoryGrid categories={categories.data.categories} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('needs.new.description')}
          rules={[{ required: true, whitespace: true, message: t('needs.new.descriptionRequired') }]}
        >
          <TextArea placeholder={t('needs.new.descriptionPh')} rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="when" label={t('needs.new.when')}>
          <ChipSelect<When>
            label={t('needs.new.when')}
            options={WHENS.map((w) => ({ value: w, label: t(`needs.new.when.${w}`) }))}
          />
        </Form.Item>
        {when === 'date' && (
          <Form.Item
            name="date"
            label={t('needs.new.pickDate')}
            rules={[{ required: true, message: t('needs.new.pickDate') }]}
          >
            <DateTimeField placeholder={t('needs.new.pickDate')} title={t('needs.new.pickDate')} />
          </Form.Item>
        )}
        <Form.Item name="place" label={t('needs.new.where')}>
          <Input
            placeholder={
              me.homeNodeName ? t('needs.new.wherePh', { home: me.homeNodeName }) : t('needs.new.wherePhNoHome')
            }
            maxLength={200}
            clearable
          />
        </Form.Item>
        <Form.Item name="urgency" label={t('needs.new.urgency')}>
          <ChipSelect<Urgency>
            label={t('needs.new.urgency')}
            options={URGENCIES.map((u) => ({ value: u, label: t(URGENCY_LABEL[u]) }))}
          />
        </Form.Item>
        <Form.Item name="privacy" label={t('needs.new.privacy')}>
          <ChipSelect<Privacy>
            label={t('needs.new.privacy')}
            column
            options={PRIVACIES.map((p) => ({ value: p, label: t(PRIVACY_LABEL[p]) }))}
          />
        </Form.Item>
      </Form>
    </SubPage>
  );
}
