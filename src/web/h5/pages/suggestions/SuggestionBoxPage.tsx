// 意见箱 (/suggestions): leave a suggestion in plain words (category, text, stay anonymous to the public or not),
// then see my suggestions with the community's answers.
import { Button, Form, InfiniteScroll, Switch, TextArea, Toast } from 'antd-mobile';
import { Link } from 'react-router';
import type { SuggestionCategory } from '../../../shared/api-types';
import { ChipSelect } from '../../components/ChipSelect';
import { FormError } from '../../components/FormError';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { useCreateSuggestion, useMySuggestions } from '../../features/suggestions/queries';
import { SuggestionCard } from '../../features/suggestions/SuggestionCard';
import { useI18n } from '../../i18n';

export const SUGGESTION_CATEGORIES: SuggestionCategory[] = [
  '环境卫生',
  '设施维修',
  '治安安全',
  '养老助老',
  '文体活动',
  '物业管理',
  '便民服务',
  '其他',
];

interface Values {
  category?: SuggestionCategory;
  content?: string;
  anonymous?: boolean;
}

function MySuggestions() {
  const { t } = useI18n();
  const q = useMySuggestions();
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const items = q.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Empty text={t('sug.mineEmpty')} />;
  return (
    <>
      {items.map((s) => (
        <SuggestionCard key={s.id} s={s} showStatus />
      ))}
      <InfiniteScroll hasMore={q.hasNextPage} loadMore={async () => void (await q.fetchNextPage())} />
    </>
  );
}

export function SuggestionBoxPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateSuggestion();

  const onFinish = async (v: Values) => {
    const ok = await create
      .mutateAsync({ category: v.category ?? '其他', content: (v.content ?? '').trim(), anonymous: !!v.anonymous })
      .catch(() => null);
    if (ok) {
      Toast.show({ icon: 'success', content: t('sug.sent') });
      form.resetFields();
    }
  };

  return (
    <SubPage title={t('sug.boxTitle')} backTo="/">
      <Form
        form={form}
        name="suggestion-new"
        layout="vertical"
        requiredMarkStyle="none"
        initialValues={{ category: '其他', anonymous: false }}
        onFinish={(v: Values) => void onFinish(v)}
        onValuesChange={() => {
          if (create.error) create.reset();
        }}
        footer={
          <>
            <FormError error={create.error} />
            <Button block type="submit" color="primary" size="large" loading={create.isPending}>
              {t('sug.submit')}
            </Button>
          </>
        }
      >
        <Form.Header>{t('sug.intro')}</Form.Header>
        <Form.Item name="category" label={t('sug.category')}>
          <ChipSelect<SuggestionCategory>
            label={t('sug.category')}
            options={SUGGESTION_CATEGORIES.map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('sug.content')}
          rules={[
            { required: true, whitespace: true, message: t('sug.contentRequired') },
            { min: 5, message: t('sug.contentRequired') },
          ]}
        >
          <TextArea placeholder={t('sug.contentPh')} rows={4} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item
          name="anonymous"
          label={t('sug.anonymous')}
          valuePropName="checked"
          description={t('sug.anonymousHelp')}
        >
          <Switch aria-label={t('sug.anonymous')} />
        </Form.Item>
      </Form>
      <section aria-labelledby="my-suggestions" className="suggestion-list">
        <h2 id="my-suggestions" className="card__title">
          {t('sug.mine')}
        </h2>
        <p className="muted">
          <Link to="/suggestions/public">{t('sug.toPublic')}</Link>
        </p>
        <MySuggestions />
      </section>
    </SubPage>
  );
}
