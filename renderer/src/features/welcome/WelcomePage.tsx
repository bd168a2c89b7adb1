/**
 * The first thing staff see on a desk that was never set up: language and calendar (the page
 * turns at once), their name and the office's city, then the sample office, an empty desk or
 * a backup. Once finished the Desk opens, and the welcome never returns.
 */
import { Alert, Box, Button, Card, Group, Image, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { setupCompleteInput, type SetupCompleteInput } from '../../../../shared/api/setup.contract';
import { todayIso } from '../../../../shared/dates/jalali';
import emblem from '../../../../resources/icon.svg';
import { TaskProgress } from '../../components/TaskProgress';
import { useI18n } from '../../i18n/locale';
import { call, toApiError, type ApiError } from '../../lib/api';
import { useQuery } from '../../lib/query';
import { useTask } from '../../lib/task';
import { checkInput, type FieldErrors } from '../../lib/validation';
import {
  LanguageStep,
  PersonStep,
  StartStep,
  knownCity,
  type PersonFields,
  type StartChoice,
} from './WelcomeSteps';
import classes from './Welcome.module.css';

const ERROR_KEYS: Record<keyof PersonFields, string> = {
  nameFa: 'nameFa',
  nameEn: 'nameEn',
  cityFa: 'city.nameFa',
  cityEn: 'city.nameEn',
};

function withoutErrorsOf(errors: FieldErrors, change: Partial<PersonFields>): FieldErrors {
  const left = { ...errors };
  for (const field of Object.keys(change) as (keyof PersonFields)[]) delete left[ERROR_KEYS[field]];
  return left;
}

/** Everything on screen came from the desk as it was; the Desk opens from a fresh start. */
function openDesk(): void {
  window.location.hash = '#/desk';
  window.location.reload();
}

export function WelcomePage({ login }: { login: string }) {
  const i18n = useI18n();
  const { t, locale, calendar, number } = i18n;
  const info = useQuery('system.info', {});
  // Today by the desk's clock, as every other screen shows it.
  const today = info.data ? todayIso(new Date(info.data.now)) : null;
  const [step, setStep] = useState(0);
  const [fields, setFields] = useState<PersonFields>({ nameFa: '', nameEn: '', cityFa: '', cityEn: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [start, setStart] = useState<StartChoice>('sample');
  const [failure, setFailure] = useState<{ restore: boolean; error: ApiError } | null>(null);
  const setup = useTask('setup.complete');
  const restore = useTask('backup.restore');
  const busy = setup.running || restore.running;

  const input = (): SetupCompleteInput => {
    const city = knownCity(fields);
    return {
      locale,
      calendar,
      nameFa: fields.nameFa,
      nameEn: fields.nameEn,
      city: {
        nameFa: fields.cityFa,
        nameEn: fields.cityEn,
        ...(city && { country: 'IR', latitude: city.latitude, longitude: city.longitude }),
      },
      start: start === 'restore' ? 'empty' : start,
    };
  };

  const checkPerson = (): boolean => {
    const checked = checkInput(setupCompleteInput, input(), i18n);
    setErrors(checked.ok ? {} : checked.errors);
    return checked.ok;
  };

  const finish = async () => {
    setFailure(null);
    if (start === 'restore') {
      try {
        await restore.run({ chooseFolder: true });
      } catch (error) {
        const apiError = toApiError(error);
        // VALIDATION here means the folder dialog was closed without a choice.
        if (apiError.code !== 'VALIDATION') setFailure({ restore: true, error: apiError });
        return;
      }
      // The backup brings the office and its staff; the person here joins them if new.
      const me = await call('users.me', {}).catch(() => null);
      const person = { locale, calendar, nameFa: fields.nameFa.trim(), nameEn: fields.nameEn.trim() || null };
      if (me) await call('users.update', { id: me.id, locale, calendar }).catch(() => null);
      else await call('users.create', { username: login, ...person }).catch(() => null);
      openDesk();
      return;
    }
    if (!checkPerson()) {
      setStep(1);
      return;
    }
    try {
      await setup.run(input());
      openDesk();
    } catch (error) {
      setFailure({ restore: false, error: toApiError(error) });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (step === 0) setStep(1);
    else if (step === 1) {
      if (checkPerson()) setStep(2);
    } else void finish();
  };

  return (
    <Box component="main" className={classes.page}>
      <Card className={classes.card} shadow="md" padding="xl" radius="lg" withBorder={false}>
        <form onSubmit={submit} noValidate aria-labelledby="welcome-title">
          <Stack gap="xl">
            <Group gap="lg" wrap="nowrap" align="center">
              <Image src={emblem} alt="" w={72} h={72} aria-hidden />
              <Stack gap={4}>
                <Title order={1} fz={26} id="welcome-title">
                  {t('welcome.title')}
                </Title>
                <Text c="dimmed">{t('welcome.subtitle')}</Text>
              </Stack>
            </Group>

            <Stepper
              active={step}
              onStepClick={(next) => !busy && next < step && setStep(next)}
              allowNextStepsSelect={false}
              size="sm"
              aria-label={t('welcome.steps')}
            >
              <Stepper.Step label={t('welcome.step.language')} icon={number(1)}>
                <LanguageStep today={today} />
              </Stepper.Step>
              <Stepper.Step label={t('welcome.step.you')} icon={number(2)}>
                <PersonStep
                  fields={fields}
                  errors={errors}
                  login={login}
                  onChange={(change) => {
                    setFields((f) => ({ ...f, ...change }));
                    // A field's complaint goes once it is edited; the next step checks again.
                    setErrors((e) => withoutErrorsOf(e, change));
                  }}
                />
              </Stepper.Step>
              <Stepper.Step label={t('welcome.step.start')} icon={number(3)}>
                <StartStep value={start} onChange={setStart} disabled={busy} />
              </Stepper.Step>
            </Stepper>

            <TaskProgress running={setup.running} progress={setup.progress} />
            <TaskProgress running={restore.running} progress={restore.progress} />
            {failure && (
              <Alert
                color="red"
                variant="light"
                icon={<IconAlertTriangle aria-hidden />}
                title={failure.restore ? t('welcome.restore.failed') : t('welcome.failed')}
                data-testid="welcome-failure"
              >
                <Text size="sm">
                  {failure.restore ? t('welcome.restore.failed.body') : t(`errors.${failure.error.code}`)}
                </Text>
              </Alert>
            )}

            <Group justify="space-between">
              {step > 0 ? (
                <Button variant="subtle" disabled={busy} onClick={() => setStep(step - 1)}>
                  {t('welcome.back')}
                </Button>
              ) : (
                <span />
              )}
              <Button type="submit" size="md" loading={busy} data-testid="welcome-next">
                {step < 2
                  ? t('welcome.next')
                  : start === 'restore'
                    ? t('welcome.restore.choose')
                    : t('welcome.finish')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Box>
  );
}
