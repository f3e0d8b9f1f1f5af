// One volunteer: registration details, hours and stars, review actions and the service certificate.
import { CheckOutlined, CloseOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Space, Spin, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { formatChina } from '../../lib/chinaTime';
import { useDownload } from '../../lib/download';
import { hoursOf, starMarks, VOLUNTEER_STATUS_COLOR, type Volunteer } from '../../lib/volunteering';
import { LoadError } from '../../layout/LoadError';
import { useAvailabilityText } from './availability';
import { useVolunteer, volunteerUrls } from './queries';

export interface VolunteerDrawerProps {
  volunteerId: string | null;
  onClose: () => void;
  onApprove: (v: Volunteer) => void;
  onReject: (v: Volunteer) => void;
  reviewing: boolean;
}

export function VolunteerDrawer({ volunteerId, onClose, onApprove, onReject, reviewing }: VolunteerDrawerProps) {
  const { t } = useI18n();
  const q = useVolunteer(volunteerId);
  const v = q.data;
  return (
    <Drawer
      open={volunteerId !== null}
      onClose={onClose}
      size={620}
      destroyOnHidden
      title={v ? t('vol.drawerTitle', { name: v.realNameMasked }) : t('vol.drawerTitleEmpty')}
      extra={
        v?.status === 'pending' && (
          <Space>
            <Button danger icon={<CloseOutlined aria-hidden />} onClick={() => onReject(v)} disabled={reviewing}>
              {t('vol.reject')}
            </Button>
            <Button
              type="primary"
              icon={<CheckOutlined aria-hidden />}
              onClick={() => onApprove(v)}
              loading={reviewing}
            >
              {t('vol.approve')}
            </Button>
          </Space>
        )
      }
    >
      {q.isPending ? (
        <Spin />
      ) : q.isError ? (
        <LoadError error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <VolunteerBody v={q.data} />
      )}
    </Drawer>
  );
}

function VolunteerBody({ v }: { v: Volunteer }) {
  const { t } = useI18n();
  const availability = useAvailabilityText()(v.availability);
  const { download, busy } = useDownload();
  const none = t('common.none');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 130 } }}
        items={[
          {
            key: 'no',
            label: t('vol.no'),
            children: <span style={{ fontFamily: 'monospace' }}>{v.volunteerNo ?? none}</span>,
          },
          { key: 'name', label: t('vol.name'), children: v.realNameMasked },
          {
            key: 'phone',
            label: t('vol.phone'),
            children: <span style={{ fontFamily: 'monospace' }}>{v.phoneMasked}</span>,
          },
          {
            key: 'idn',
            label: t('vol.idNumber'),
            children: <span style={{ fontFamily: 'monospace' }}>{v.idNumberMasked ?? none}</span>,
          },
          { key: 'community', label: t('vol.community'), children: v.communityName },
          { key: 'grid', label: t('vol.grid'), children: v.homeGridName ?? none },
          {
            key: 'skills',
            label: t('vol.skills'),
            children: v.skills.length ? v.skills.map((s) => <Tag key={s}>{s}</Tag>) : none,
          },
          { key: 'avail', label: t('vol.availability'), children: availability || none },
          { key: 'bio', label: t('vol.bio'), children: v.bio ?? none },
          {
            key: 'source',
            label: t('vol.source'),
            children: t(v.source === 'import' ? 'vol.source.import' : 'vol.source.self'),
          },
          {
            key: 'status',
            label: t('vol.status'),
            children: <Tag color={VOLUNTEER_STATUS_COLOR[v.status]}>{t(`vol.status.${v.status}`)}</Tag>,
          },
          { key: 'applied', label: t('vol.appliedAt'), children: formatChina(v.appliedAt) },
          { key: 'reviewed', label: t('vol.reviewedAt'), children: formatChina(v.reviewedAt) },
          ...(v.rejectReason ? [{ key: 'rr', label: t('vol.rejectReason'), children: v.rejectReason }] : []),
          {
            key: 'hours',
            label: t('vol.acceptedHours'),
            children: t('vol.hoursValue', { hours: hoursOf(v.acceptedMinutes) }),
          },
          {
            key: 'star',
            label: t('vol.star'),
            children:
              v.starLevel > 0 ? <span style={{ color: '#faad14' }}>{starMarks(v.starLevel)}</span> : t('vol.noStar'),
          },
          {
            key: 'rating',
            label: t('vol.rating'),
            children: v.ratingAverage !== null ? v.ratingAverage.toFixed(1) : none,
          },
        ]}
      />
      {v.acceptedMinutes > 0 ? (
        <Button
          icon={<FilePdfOutlined aria-hidden />}
          loading={busy === 'cert'}
          onClick={() =>
            download(volunteerUrls.certificate(v.id), `志愿服务记录证明-${v.volunteerNo ?? v.id}.pdf`, 'cert')
          }
          data-testid="download-certificate"
        >
          {t('vol.certificate')}
        </Button>
      ) : (
        <Typography.Text type="secondary">{t('vol.noCertificate')}</Typography.Text>
      )}
    </Space>
  );
}
