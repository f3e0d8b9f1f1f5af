// 随手拍 (/reports/new): what kind of problem (big picture buttons), what one sees, up to 6 photos from the camera,
// where (my home grid, or a grid of my community where I may see them, a few words, and optionally my position),
// and whether my name is shown. With a position, open reports of the same kind within 50 m are shown first, each
// with 这是同一个问题，我也反映 (join it) instead of reporting it again.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Dialog, Form, Input, Switch, Tag, TextArea, Toast } from 'antd-mobile';
import { LocationOutline } from 'antd-mobile-icons';
import { ChipSelect } from '../../components/ChipSelect';
import { FormError } from '../../components/FormError';
import { Empty, LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { useCurrentUser } from '../../features/account/currentUser';
import { getPosition, type Position } from '../../features/activities/location';
import { CommunityPicker } from '../../features/org/CommunityPicker';
import { useCommunities, useCommunityGrids, useDistrictOf } from '../../features/org/queries';
import { REPORT_STATUS_COLOR, REPORT_STATUS_LABEL } from '../../features/reports/labels';
import { type PickedPhoto, PhotoPicker } from '../../features/reports/PhotoPicker';
import { ReportCategoryMark } from '../../features/reports/ReportCategoryMark';
import { useCreateReport, useJoinReport, useNearbyReports, useReportCategories } from '../../features/reports/queries';
import type { NearbyReport, ReportCategories } from '../../../shared/api-types';
import { newIdempotencyKey } from '../../../shared/idempotency';
import { useI18n } from '../../i18n';
import './reports.css';

type Category = ReportCategories['categories'][number];

interface Values {
  category?: string;
  communityId?: string;
  description?: string;
  address?: string;
  gridId?: string;
  anonymous?: boolean;
}

const HOME = 'home';

function CategoryGrid({
  categories,
  value,
  onChange,
}: {
  categories: Category[];
  value?: string;
  onChange?: (v: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="tiles" role="group" aria-label={t('rep.new.category')}>
      {categories.map((c) => (
        <button
          key={c.key}
          type="button"
          className="tile"
          aria-pressed={value === c.key}
          onClick={() => onChange?.(c.key)}
          style={value === c.key ? { outline: '3px solid var(--adm-color-primary)', borderRadius: 12 } : undefined}
        >
          <ReportCategoryMark category={c.key} name={c.name} />
          <span className="tile__label">{c.name}</span>
        </button>
      ))}
    </div>
  );
}

function NearbyCard({ items, onJoined }: { items: NearbyReport[]; onJoined: (id: string) => void }) {
  const { t } = useI18n();
  const join = useJoinReport();
  const onJoin = async (id: string) => {
    const ok = await join
      .mutateAsync({ id, body: {} })
      .then(() => true)
      .catch(() => false);
    if (ok) {
      Toast.show({ icon: 'success', content: t('rep.nearby.joined') });
      onJoined(id);
    }
  };
  return (
    <section className="card rep-nearby" aria-labelledby="rep-nearby-title" data-testid="nearby-reports">
      <h2 id="rep-nearby-title" className="card__title">
        {t('rep.nearby.title', { n: items.length })}
      </h2>
      <p className="muted">{t('rep.nearby.intro')}</p>
      <ul className="plain-list">
        {items.map((r) => (
          <li key={r.id} className="rep-nearby__item">
            <div style={{ display: 'flex', gap: 10 }}>
              {r.thumbUrl ? (
                <img className="rep-nearby__thumb" src={r.thumbUrl} alt="" />
              ) : (
                <ReportCategoryMark category={r.category} name={r.categoryName} />
              )}
              <div style={{ minWidth: 0 }}>
                <p className="rep-nearby__text">{r.description}</p>
                <Tag color={REPORT_STATUS_COLOR[r.status]}>{t(REPORT_STATUS_LABEL[r.status])}</Tag>{' '}
                <span className="muted">
                  {t('rep.nearby.distance', { m: r.distanceMetres })} ·{' '}
                  {t('rep.nearby.supporters', { n: r.supporterCount + 1 })}
                </span>
              </div>
            </div>
            {r.mine || r.joined ? (
              <p className="muted">{r.mine ? t('rep.nearby.mine') : t('rep.nearby.alreadyJoined')}</p>
            ) : (
              <Button block color="primary" fill="outline" size="large" onClick={() => void onJoin(r.id)}>
                {t('rep.nearby.join')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <FormError error={join.error} />
    </section>
  );
}

/** 匿名: the words on the left (they wrap on a small phone), a big switch on the right. */
function AnonymousSwitch({ checked, onChange }: { checked?: boolean; onChange?: (v: boolean) => void }) {
  const { t } = useI18n();
  return (
    <div className="rep-anon">
      <span className="rep-anon__text" id="rep-anon-label">
        <span className="rep-anon__label">{t('rep.new.anonymous')}</span>
        <span className="muted">{t('rep.new.anonymousHint')}</span>
      </span>
      <Switch checked={checked ?? false} onChange={onChange} aria-labelledby="rep-anon-label" />
    </div>
  );
}

export function NewReportPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  // Staff may read their community's grids; for residents the list is empty and the place is their home.
  const grids = useCommunityGrids(me.homeNodeId ?? undefined, me.roles.length > 0);
  const create = useCreateReport();
  const [form] = Form.useForm<Values>();
  const [category, setCategory] = useState<string | undefined>();
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [position, setPosition] = useState<Position | null>(null);
  const [locating, setLocating] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);
  // Someone without a home community (a rider passing through) says which community the problem is in.
  const [communityId, setCommunityId] = useState<string | undefined>();
  const communityDistrict = useDistrictOf(communityId);
  const communities = useCommunities();
  // Before a community is chosen, the categories of the first district offered (a deployment has one, mostly).
  const firstDistrict = communities.data?.find((n) => n.kind === 'community' && !n.archived)?.districtId;
  const noHomeDistrict = communityDistrict ?? firstDistrict;
  const categories = useReportCategories(
    me.homeNodeId ? undefined : noHomeDistrict,
    !!me.homeNodeId || !!noHomeDistrict,
  );
  const nearby = useNearbyReports(category, position, me.homeNodeId ? undefined : communityDistrict);
  const nearbyItems = nearby.data?.items ?? [];

  if (!me.homeNodeId && categories.isError) {
    // The district does not take reports from people who do not live in it: a home comes first.
    return (
      <SubPage title={t('rep.new.title')} backTo="/">
        <Empty text={t('rep.new.noHome')}>
          <Link to="/me/profile">{t('rep.new.setHome')}</Link>
        </Empty>
      </SubPage>
    );
  }
  if (categories.isPending || categories.isError) {
    return (
      <SubPage title={t('rep.new.title')} backTo="/">
        {categories.isPending ? (
          <Loading />
        ) : (
          <LoadError error={categories.error} onRetry={() => void categories.refetch()} />
        )}
      </SubPage>
    );
  }

  const locate = async () => {
    setLocating(true);
    try {
      setPosition(await getPosition());
      Toast.show({ icon: 'success', content: t('rep.new.located') });
    } catch (err) {
      Toast.show({
        content: err instanceof Error && err.message === 'denied' ? t('rep.new.locDenied') : t('rep.new.locFailed'),
        duration: 4000,
      });
    } finally {
      setLocating(false);
    }
  };

  const onFinish = async (v: Values) => {
    if (photos.some((p) => p.id === null)) {
      Toast.show({ content: t('rep.new.stillUploading') });
      return;
    }
    const open = nearbyItems.filter((r) => !r.mine && !r.joined);
    if (open.length > 0) {
      const go = await Dialog.confirm({
        content: t('rep.new.nearbyConfirm', { n: open.length }),
        confirmText: t('rep.new.nearbyNew'),
        cancelText: t('rep.new.nearbyLook'),
      });
      if (!go) {
        document.getElementById('rep-nearby-title')?.scrollIntoView({ behavior: 'smooth' });
        return;
      }
    }
    const report = await create
      .mutateAsync({
        category: v.category!,
        description: v.description!.trim(),
        photoIds: photos.flatMap((p) => (p.id ? [p.id] : [])),
        gridId: v.gridId && v.gridId !== HOME ? v.gridId : null,
        communityId: me.homeNodeId ? null : (v.communityId ?? null),
        address: v.address?.trim() || null,
        lat: position?.lat ?? null,
        lng: position?.lng ?? null,
        coord: 'wgs84',
        anonymous: v.anonymous ?? false,
        idempotencyKey,
      })
      .catch(() => null);
    if (report) {
      Toast.show({ icon: 'success', content: t('rep.new.done') });
      void navigate(`/reports/${report.id}`, { replace: true });
    }
  };

  const gridOptions = [
    ...(me.homeNodeId ? [{ value: HOME, label: t('rep.new.home', { home: me.homeNodeName ?? '' }) }] : []),
    ...(grids.data ?? []).filter((g) => g.id !== me.homeNodeId).map((g) => ({ value: g.id, label: g.name })),
  ];

  return (
    <SubPage title={t('rep.new.title')} backTo="/">
      <Form
        form={form}
        name="report-new"
        layout="vertical"
        requiredMarkStyle="none"
        initialValues={{ gridId: me.homeNodeId ? HOME : undefined, anonymous: false }}
        onFinish={(v: Values) => void onFinish(v)}
        onValuesChange={(changed: Values) => {
          if ('category' in changed) setCategory(changed.category);
          if ('communityId' in changed) setCommunityId(changed.communityId);
          if (create.error) create.reset();
        }}
        footer={
          <>
            <FormError error={create.error} />
            <Button block type="submit" color="primary" size="large" loading={create.isPending}>
              {t('rep.new.submit')}
            </Button>
          </>
        }
      >
        <Form.Header>{t('rep.new.intro')}</Form.Header>
        <Form.Item
          name="category"
          label={t('rep.new.category')}
          rules={[{ required: true, message: t('rep.new.categoryRequired') }]}
        >
          <CategoryGrid categories={categories.data.categories} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('rep.new.description')}
          rules={[
            { required: true, whitespace: true, message: t('rep.new.descriptionRequired') },
            { min: 4, message: t('rep.new.descriptionShort') },
          ]}
        >
          <TextArea placeholder={t('rep.new.descriptionPh')} rows={3} maxLength={1000} showCount />
        </Form.Item>
        {!me.homeNodeId && (
          <Form.Item
            name="communityId"
            label={t('rep.new.community')}
            rules={[{ required: true, message: t('rep.new.communityRequired') }]}
          >
            <CommunityPicker />
          </Form.Item>
        )}
        <Form.Item label={t('rep.new.photos')}>
          <PhotoPicker
            districtId={me.homeNodeId ? undefined : communityDistrict}
            blocked={me.homeNodeId || communityDistrict ? null : t('rep.new.communityFirst')}
            photos={photos}
            setPhotos={setPhotos}
            label={t('rep.new.photos')}
          />
        </Form.Item>
        {gridOptions.length > 0 && (
          <Form.Item name="gridId" label={t('rep.new.where')}>
            <ChipSelect<string> column label={t('rep.new.where')} options={gridOptions} />
          </Form.Item>
        )}
        <Form.Item name="address" label={t('rep.new.address')}>
          <Input placeholder={t('rep.new.addressPh')} maxLength={200} clearable />
        </Form.Item>
        <Form.Item label={t('rep.new.position')}>
          {position ? (
            <div className="rep-located" data-testid="report-position">
              <span>{t('rep.new.positionSet')}</span>
              <Button size="small" fill="none" color="primary" onClick={() => setPosition(null)}>
                {t('rep.new.positionClear')}
              </Button>
            </div>
          ) : (
            <Button block size="large" fill="outline" loading={locating} onClick={() => void locate()}>
              <LocationOutline aria-hidden="true" /> {t('rep.new.useLocation')}
            </Button>
          )}
          <p className="muted">{t('rep.new.positionHint')}</p>
        </Form.Item>
        {nearbyItems.length > 0 && (
          <Form.Item>
            <NearbyCard items={nearbyItems} onJoined={(id) => void navigate(`/reports/${id}`, { replace: true })} />
          </Form.Item>
        )}
        <Form.Item name="anonymous" valuePropName="checked">
          <AnonymousSwitch />
        </Form.Item>
      </Form>
    </SubPage>
  );
}
