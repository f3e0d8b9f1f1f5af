// A short create-activity form for a team leader: the team's community, title, category, content, place,
// start/end, places, optional sign-up deadline, skills, beneficiaries, geofence, weekly repeat, publish.
import { useState } from 'react';
import { Button, Checkbox, Form, Input, TextArea, Toast } from 'antd-mobile';
import { ChipSelect } from '../../components/ChipSelect';
import { DateTimeField } from '../../components/DateTimeField';
import { FormError } from '../../components/FormError';
import { NumberStepper } from '../../components/NumberStepper';
import { useI18n } from '../../i18n';
import { chinaMidnight } from '../../lib/time';
import { getPosition, type Position } from '../activities/location';
import { useCreateActivity } from '../activities/queries';
import type { Activity, CreateActivityInput } from '../activities/types';
import type { Team } from '../teams/types';

const HOUR_MS = 3600_000;
/** Tomorrow 09:00 China time: a sensible first guess for a new activity. */
const suggestedStart = () => new Date(chinaMidnight(1).getTime() + 9 * HOUR_MS).toISOString();
const plusHours = (iso: string, h: number) => new Date(new Date(iso).getTime() + h * HOUR_MS).toISOString();
import { useVolunteeringSettings } from '../volunteers/queries';

interface Values {
  teamId: string;
  title?: string;
  category?: string;
  description?: string;
  address?: string;
  startsAt?: string;
  endsAt?: string;
  signupDeadline?: string;
  slots: number;
  requiredSkills?: string[];
  beneficiaries?: string;
  geofence: boolean;
  geofenceMeters: number;
  repeatWeeks: number;
  publish: boolean;
}

export function ActivityForm({
  teams,
  initialTeamId,
  onCreated,
}: {
  teams: Team[];
  initialTeamId?: string;
  onCreated: (a: Activity) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const teamId = (Form.useWatch('teamId', form) as string | undefined) ?? initialTeamId ?? teams[0]?.id;
  const team = teams.find((x) => x.id === teamId) ?? teams[0];
  const settings = useVolunteeringSettings(team?.districtId);
  const create = useCreateActivity();
  const [position, setPosition] = useState<Position | null>(null);
  const [locating, setLocating] = useState(false);
  const geofenceOn = Form.useWatch('geofence', form) as boolean | undefined;
  const startsAt = Form.useWatch('startsAt', form);

  const required = (field: string) => ({ required: true, whitespace: true, message: t('newAct.required', { field }) });

  const onGeofence = async (on: boolean) => {
    if (!on) return setPosition(null);
    setLocating(true);
    try {
      setPosition(await getPosition());
    } catch {
      form.setFieldValue('geofence', false);
      Toast.show({ content: t('newAct.locationFailed') });
    } finally {
      setLocating(false);
    }
  };

  const onFinish = (v: Values) => {
    if (!team) return;
    const input: CreateActivityInput = {
      communityId: team.communityId,
      teamId: team.id,
      title: v.title!.trim(),
      category: v.category!,
      description: v.description?.trim() ?? '',
      address: v.address!.trim(),
      startsAt: v.startsAt!,
      endsAt: v.endsAt!,
      slots: v.slots,
      publish: v.publish,
    };
    if (v.signupDeadline) input.signupDeadline = v.signupDeadline;
    if (v.requiredSkills?.length) input.requiredSkills = v.requiredSkills;
    if (v.beneficiaries?.trim()) input.beneficiaries = v.beneficiaries.trim();
    if (v.repeatWeeks > 1) input.repeatWeeks = v.repeatWeeks;
    if (v.geofence && position) {
      input.lat = position.lat;
      input.lng = position.lng;
      input.geofenceMeters = v.geofenceMeters;
    }
    create.mutate(input, {
      onSuccess: (answer) => {
        Toast.show({ icon: 'success', content: t('newAct.created') });
        if (answer.items[0]) onCreated(answer.items[0]);
      },
    });
  };

  const categories = (settings.data?.activityCategories ?? []).map((c) => ({ value: c, label: c }));
  const skills = (settings.data?.skills ?? []).map((s) => ({ value: s, label: s }));

  return (
    <Form
      form={form}
      name="new-activity"
      layout="vertical"
      requiredMarkStyle="none"
      initialValues={{
        teamId: team?.id,
        slots: 10,
        geofence: false,
        geofenceMeters: 200,
        repeatWeeks: 1,
        publish: true,
        requiredSkills: [],
      }}
      onFinish={onFinish}
      onValuesChange={() => create.error && create.reset()}
      footer={
        <>
          <FormError error={create.error} />
          <Button block type="submit" color="primary" size="large" loading={create.isPending}>
            {t('newAct.submit')}
          </Button>
        </>
      }
    >
      {teams.length > 1 && (
        <Form.Item name="teamId" label={t('newAct.team')}>
          <ChipSelect<string> label={t('newAct.team')} options={teams.map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('newAct.name')} rules={[required(t('newAct.name'))]}>
        <Input placeholder={t('newAct.ph.name')} maxLength={60} clearable />
      </Form.Item>
      <Form.Item
        name="category"
        label={t('newAct.category')}
        rules={[{ required: true, message: t('newAct.required', { field: t('newAct.category') }) }]}
      >
        <ChipSelect<string> label={t('newAct.category')} options={categories} />
      </Form.Item>
      <Form.Item name="description" label={t('newAct.description')} rules={[required(t('newAct.description'))]}>
        <TextArea placeholder={t('newAct.ph.description')} maxLength={1000} autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Form.Item name="address" label={t('newAct.address')} rules={[required(t('newAct.address'))]}>
        <Input placeholder={t('newAct.ph.address')} maxLength={100} clearable />
      </Form.Item>
      <Form.Item
        name="startsAt"
        label={t('newAct.startsAt')}
        rules={[{ required: true, message: t('newAct.pickTime') }]}
      >
        <DateTimeField title={t('newAct.startsAt')} placeholder={t('newAct.pickTime')} suggest={suggestedStart()} />
      </Form.Item>
      <Form.Item
        name="endsAt"
        label={t('newAct.endsAt')}
        dependencies={['startsAt']}
        rules={[
          { required: true, message: t('newAct.pickTime') },
          {
            validator: async (_r, value: string | undefined) => {
              const start = form.getFieldValue('startsAt') as string | undefined;
              if (value && start && value <= start) throw new Error(t('newAct.endBeforeStart'));
            },
          },
        ]}
      >
        <DateTimeField
          title={t('newAct.endsAt')}
          placeholder={t('newAct.pickTime')}
          min={startsAt}
          suggest={startsAt ? plusHours(startsAt, 2) : undefined}
        />
      </Form.Item>
      <Form.Item name="signupDeadline" label={t('newAct.signupDeadline')} description={t('newAct.signupDeadlineHint')}>
        <DateTimeField
          title={t('newAct.signupDeadline')}
          placeholder={t('newAct.pickTime')}
          suggest={startsAt ? plusHours(startsAt, -24) : undefined}
          clearable
        />
      </Form.Item>
      <Form.Item name="slots" label={t('newAct.slots')}>
        <NumberStepper label={t('newAct.slots')} min={1} max={500} />
      </Form.Item>
      {skills.length > 0 && (
        <Form.Item name="requiredSkills" label={t('newAct.skills')}>
          <ChipSelect<string> multiple label={t('newAct.skills')} options={skills} />
        </Form.Item>
      )}
      <Form.Item name="beneficiaries" label={t('newAct.beneficiaries')}>
        <Input placeholder={t('newAct.ph.beneficiaries')} maxLength={60} clearable />
      </Form.Item>
      <Form.Item
        name="geofence"
        valuePropName="checked"
        description={geofenceOn ? t('newAct.geofenceHint') : undefined}
      >
        <Checkbox onChange={(on) => void onGeofence(on)}>
          {locating ? t('newAct.locating') : t('newAct.geofence')}
        </Checkbox>
      </Form.Item>
      {geofenceOn && position && (
        <Form.Item name="geofenceMeters" label={t('newAct.geofenceRadius')}>
          <NumberStepper label={t('newAct.geofenceRadius')} min={50} max={5000} step={50} />
        </Form.Item>
      )}
      <Form.Item name="repeatWeeks" label={t('newAct.repeatWeeks')} description={t('newAct.repeatHint')}>
        <NumberStepper label={t('newAct.repeatWeeks')} min={1} max={26} />
      </Form.Item>
      <Form.Item name="publish" valuePropName="checked">
        <Checkbox>{t('newAct.publish')}</Checkbox>
      </Form.Item>
    </Form>
  );
}
