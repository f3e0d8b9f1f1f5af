// The volunteer application form: community, real name, optional ID number, skills, availability, optional
// home grid (only when the tree is visible to the applicant) and a short bio.
import { Button, Form, Input, TextArea, Toast } from 'antd-mobile';
import { ChipSelect } from '../../components/ChipSelect';
import { FormError } from '../../components/FormError';
import { ruleFrom } from '../../components/formRules';
import { useI18n } from '../../i18n';
import { useCurrentUser } from '../account/currentUser';
import { checkIdNumber, REAL_NAME_MAX } from '../account/validation';
import { CommunityPicker } from '../org/CommunityPicker';
import { useCommunityGrids, useDistrictOf } from '../org/queries';
import { useApplyVolunteer, useVolunteeringSettings } from './queries';
import { AvailabilityGrid } from './AvailabilityGrid';
import type { ApplyVolunteerInput, Availability, Volunteer } from './types';

interface ApplyValues {
  communityId?: string;
  realName?: string;
  idNumber?: string;
  skills?: string[];
  availability?: Availability;
  homeGridId?: string;
  bio?: string;
}

const BIO_MAX = 200;

export function ApplyForm({ previous, onDone }: { previous?: Volunteer; onDone?: () => void }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const [form] = Form.useForm<ApplyValues>();
  const communityId = Form.useWatch('communityId', form);
  const districtId = useDistrictOf(communityId);
  const settings = useVolunteeringSettings(districtId);
  const grids = useCommunityGrids(communityId, me.roles.length > 0);
  const apply = useApplyVolunteer();

  const onFinish = (values: ApplyValues) => {
    const input: ApplyVolunteerInput = {
      communityId: values.communityId!,
      realName: values.realName!.trim(),
      skills: values.skills ?? [],
      availability: values.availability ?? {},
    };
    const idNumber = values.idNumber?.trim().toUpperCase();
    if (idNumber) input.idNumber = idNumber;
    if (values.homeGridId) input.homeGridId = values.homeGridId;
    const bio = values.bio?.trim();
    if (bio) input.bio = bio;
    apply.mutate(input, {
      onSuccess: () => {
        Toast.show({ icon: 'success', content: t('apply.submitted') });
        onDone?.();
      },
    });
  };

  const skillOptions = (settings.data?.skills ?? []).map((s) => ({ value: s, label: s }));
  const gridOptions = (grids.data ?? []).map((g) => ({ value: g.id, label: g.name }));

  return (
    <Form
      form={form}
      name="volunteer-apply"
      layout="vertical"
      requiredMarkStyle="none"
      initialValues={{
        communityId: previous?.communityId ?? me.homeNodeId ?? undefined,
        skills: previous?.skills ?? [],
        availability: previous?.availability ?? {},
        bio: previous?.bio ?? undefined,
      }}
      onFinish={onFinish}
      onValuesChange={() => apply.error && apply.reset()}
      footer={
        <>
          <FormError error={apply.error} />
          <Button block type="submit" color="primary" size="large" loading={apply.isPending}>
            {t('apply.submit')}
          </Button>
        </>
      }
    >
      <Form.Header>{t('apply.intro')}</Form.Header>
      <Form.Item
        name="communityId"
        label={t('apply.community')}
        rules={[{ required: true, message: t('err.communityRequired') }]}
      >
        <CommunityPicker fallbackLabel={previous?.communityName ?? me.homeNodeName} />
      </Form.Item>
      <Form.Item
        name="realName"
        label={t('apply.realName')}
        rules={[
          { required: true, whitespace: true, message: t('apply.err.realName') },
          { min: 2, max: REAL_NAME_MAX, message: t('apply.err.realName') },
        ]}
      >
        <Input placeholder={t('ph.realName')} maxLength={REAL_NAME_MAX} autoComplete="name" clearable />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('apply.idNumber')}
        description={t('apply.idNumberHint')}
        rules={[ruleFrom(checkIdNumber, t)]}
      >
        <Input placeholder={t('ph.idNumber')} maxLength={18} autoComplete="off" clearable />
      </Form.Item>
      {skillOptions.length ? (
        <Form.Item name="skills" label={t('apply.skills')}>
          <ChipSelect<string> multiple label={t('apply.skills')} options={skillOptions} />
        </Form.Item>
      ) : (
        <Form.Item label={t('apply.skills')}>
          <span className="muted">{settings.isLoading ? t('common.loading') : t('apply.noSkills')}</span>
        </Form.Item>
      )}
      <Form.Item name="availability" label={t('apply.availability')} description={t('apply.availabilityHint')}>
        <AvailabilityGrid />
      </Form.Item>
      {gridOptions.length > 0 && (
        <Form.Item name="homeGridId" label={t('apply.grid')}>
          <ChipSelect<string> label={t('apply.grid')} options={gridOptions} />
        </Form.Item>
      )}
      <Form.Item name="bio" label={t('apply.bio')}>
        <TextArea placeholder={t('apply.ph.bio')} maxLength={BIO_MAX} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </Form>
  );
}
