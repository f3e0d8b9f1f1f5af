// 随手拍 (/reports/new): what kind of problem (big picture buttons), what one sees, which community it is in (my home's
// by default; a rider passing through picks any), up to 6 photos from the camera, where (near my home, or one of the
// community's grids), a few words, and optionally my position, and whether my name is shown. With a position, open reports of the same kind within 50 m are shown first, each
// with 这是同一个问题，我也反映 (join it) instead of reporting it again.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Dialog, Form, Input, Switch, Tag, TextArea, Toast } from 'antd-mobile';
import { LocationOutline } from 'antd-mobile-icons';
import { ChipSelect } from '../../components/ChipSelect';
import { FormError } from '../../components/FormError';
import { LoadError, Loading } from '../../components/QueryStates';
import { SubPage } from '../../components/SubPage';
import { useCurrentUser } from '../../features/account/currentUser';
import { getPosition, type Position } from '../../features/activities/location';
import { CommunityPicker } from '../../features/org/CommunityPicker';
import { useCommunities } from '../../features/org/queries';
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

/** The place picker's "near my home" (the server places it at my home node). */
const HOME = 'home';
/** The place picker's "not sure which grid" in another community (the community handles it). */
const WHOLE = 'community';

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
  const create = useCreateReport();
  const [form] = Form.useForm<Values>();
  const [category, setCategory] = useState<string | undefined>();
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [position, setPosition] = useState<Position | null>(null);
  const [locating, setLocating] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);
  // My home's district, community and its grids (people with a home).
  const home = useReportCategories({}, !!me.homeNodeId);
  const homeCommunityId = home.data?.communityId ?? undefined;
  // The community picked in the form; a rider passing through (with or without a home) picks any.
  const [communityId, setCommunityId] = useState<string | undefined>();
  const elsewhere = communityId && communityId !== homeCommunityId ? communityId : undefined;
  const communities = useCommunities();
  // Before someone without a home picks a community: the first district's categories (a deployment has one, mostly).
  const firstDistrict = communities.data?.find((n) => n.kind === 'community' && !n.archived)?.districtId;
  const there = useReportCategories(
    elsewhere ? { communityId: elsewhere } : { districtId: firstDistrict },
    !!elsewhere || (!me.homeNodeId && !!firstDistrict),
  );
  const categories = elsewhere || !me.homeNodeId ? there : home;
  // While another community's categories load, the home's stay on screen (the form keeps what was typed).
  const data = categories.data ?? (me.homeNodeId ? home.data : undefined);
  const nearby = useNearbyReports(category, position, elsewhere);
  const nearbyItems = nearby.data?.items ?? [];

  if (!data) {
    const failed = categories.isError ? categories : home.isError ? home : null;
    return (
      <SubPage title={t('rep.new.title')} backTo="/">
        {failed ? <LoadError error={failed.error} onRetry={() => void failed.refetch()} /> : <Loading />}
      </SubPage>
    );
  }
  // The grids offered: those of the community picked (with "not sure"), or of my home's (with "near my home").
  const grids = elsewhere ? (there.data?.communityId === elsewhere ? there.data.grids : []) : (home.data?.grids ?? []);

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
        gridId: v.gridId && v.gridId !== HOME && v.gridId !== WHOLE ? v.gridId : null,
        communityId: elsewhere ?? null,
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
    elsewhere || !me.homeNodeId
      ? { value: WHOLE, label: t('rep.new.wholeCommunity') }
      : { value: HOME, label: t('rep.new.home', { home: me.homeNodeName ?? '' }) },
    ...grids.filter((g) => g.id !== me.homeNodeId).map((g) => ({ value: g.id, label: g.name })),
  ];
  const photosBlocked = me.homeNodeId || elsewhere ? null : t('rep.new.communityFirst');

  return (
    <SubPage title={t('rep.new.title')} backTo="/">
      <Form
        form={form}
        name="report-new"
        layout="vertical"
        requiredMarkStyle="none"
        initialValues={{
          gridId: me.homeNodeId ? HOME : WHOLE,
          communityId: homeCommunityId,
          anonymous: false,
        }}
        onFinish={(v: Values) => void onFinish(v)}
        onValuesChange={(changed: Values) => {
          if ('category' in changed) setCategory(changed.category);
          if ('communityId' in changed) {
            setCommunityId(changed.communityId);
            // Another community: its grids (or "not sure"); back home: near my home. Photos go to its district.
            const away = !!changed.communityId && changed.communityId !== homeCommunityId;
            form.setFieldValue('gridId', away || !me.homeNodeId ? WHOLE : HOME);
          }
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
          <CategoryGrid categories={data.categories} />
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
        <Form.Item
          name="communityId"
          label={t('rep.new.community')}
          rules={[{ required: !me.homeNodeId, message: t('rep.new.communityRequired') }]}
        >
          <CommunityPicker />
        </Form.Item>
        {elsewhere && there.isError && <FormError error={there.error} />}
        <Form.Item label={t('rep.new.photos')}>
          <PhotoPicker
            communityId={elsewhere}
            blocked={photosBlocked}
            photos={photos}
            setPhotos={setPhotos}
            label={t('rep.new.photos')}
          />
        </Form.Item>
        {gridOptions.length > 1 && (
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
