/**
 * The pictures of the user guide (docs/guide), taken from the real program holding the sample
 * office: each step the guide describes is done here as a user would do it, and each picture
 * is taken twice, in Persian and in English, after checking in that language that the screen
 * shows what the guide says it shows (the dialog and its title, the filled form, the compare
 * view, the backup's progress). The words checked come from the program's own catalogues, so
 * a renamed button fails here before the guide goes stale.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { fa, type MessageKey } from '../../renderer/src/i18n/fa';
import { formatNumber } from '../../shared/text/digits';
import { pngBytes, tempFile } from './fixtures';
import { settle, startHarness, type Harness, type Locale } from './harness';

const GUIDE_DIR = resolve(import.meta.dirname, '../../docs/guide');
const IMG_DIR = join(GUIDE_DIR, 'img');
const LOCALES = ['fa', 'en'] as const;

/** The program's own words, as `t()` renders them. */
function tr(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = (locale === 'fa' ? fa : en)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, locale) : value;
  });
}

/**
 * Switches the language through the header switch. With a dialog or menu open the switch is
 * behind it, so the click goes straight to the switch's radio button; what is open stays open.
 */
async function useLocale(page: Page, locale: Locale): Promise<void> {
  if ((await page.getAttribute('html', 'lang')) === locale) return;
  await page.locator(`header input[type="radio"][value="${locale}"]`).dispatchEvent('click');
  await expect.poll(() => page.getAttribute('html', 'lang'), { interval: 20, timeout: 15_000 }).toBe(locale);
}

/**
 * Pictures what is on screen in both languages as docs/guide/img/<name>.<locale>.png: the
 * element when given (a dialog, a card), else the window. `check` runs first in each
 * language and asserts what the picture must show.
 */
async function shoot(
  page: Page,
  name: string,
  check: (locale: Locale) => Promise<void>,
  element?: () => Locator,
): Promise<void> {
  mkdirSync(IMG_DIR, { recursive: true });
  for (const locale of LOCALES) {
    await useLocale(page, locale);
    await check(locale);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(80);
    const options = {
      path: join(IMG_DIR, `${name}.${locale}.png`),
      animations: 'disabled' as const,
      // Toasts of earlier steps would cover the picture.
      style: element
        ? // A tall element is pictured scrolled; the fixed header would cover its top.
          `${HIDE_TOASTS} header:not(.mantine-Modal-header) { visibility: hidden !important; }`
        : HIDE_TOASTS,
    };
    if (element) await element().screenshot(options);
    else await page.screenshot(options);
  }
  await useLocale(page, 'fa');
}

const HIDE_TOASTS =
  '.mantine-Notifications-root, .mantine-Notification-root { visibility: hidden !important; }';
/** Waits long enough for a machine that other work keeps busy. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const visible = (locator: Locator) => poll(() => locator.isVisible()).toBe(true);
const dialogTitle = (page: Page) => page.getByRole('dialog').locator('.mantine-Modal-title');

/** Words the guide sets in bold that describe the window rather than name something on it. */
const DESCRIPTIVE = new Set([
  'نوار کناری',
  'کادر جستجو',
  'کلید زبان',
  'sidebar',
  'search box',
  'language switch',
]);

/** Whether a label is one of the catalogue's texts, part of one, or one with its {placeholders} filled. */
function inCatalogue(texts: readonly string[], label: string): boolean {
  const wanted = label.toLowerCase();
  return texts.some((raw) => {
    const text = raw.replace(/\s+/g, ' ').toLowerCase();
    if (text.includes(wanted)) return true;
    const parts = text.split(/\{\w+\}/);
    if (parts.length === 1) return false;
    const escape = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^${parts.map(escape).join('.+')}$`).test(wanted);
  });
}

describe('the words of the user guide', () => {
  for (const locale of LOCALES) {
    const guide = readFileSync(join(GUIDE_DIR, `${locale}.md`), 'utf8');

    it(`names in bold, in ${locale}, only what the program shows`, () => {
      const texts: string[] = Object.values(locale === 'fa' ? fa : en);
      const named = [...guide.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!.replace(/\s+/g, ' ').trim());
      expect(named.length).toBeGreaterThan(100);
      const unknown = named.filter((label) => !DESCRIPTIVE.has(label) && !inCatalogue(texts, label));
      expect(unknown).toEqual([]);
    });

    it(`shows, in ${locale}, only pictures that exist`, () => {
      const pictures = [...guide.matchAll(/!\[[^\]]*\]\(([^)]+\.png)\)/g)].map((m) => m[1]!);
      expect(pictures.length).toBeGreaterThan(20);
      expect(pictures.filter((path) => !path.endsWith(`.${locale}.png`))).toEqual([]);
      expect(pictures.filter((path) => !existsSync(resolve(GUIDE_DIR, path)))).toEqual([]);
    });
  }
});

describe('the pictures of the user guide', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      actor: 'm.ahmadi',
      viewport: { width: 1280, height: 800 },
      seed: async (t) => {
        const loaded = await t.ok('sample.load', {});
        expect(loaded.loaded).toBe(true);
      },
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  async function openRow(route: string, text: string) {
    const page = h.page;
    await h.open(route);
    await page.locator('[role="row"][data-index]', { hasText: text }).first().click();
    await page.waitForURL(/#\/\w+\/[0-9a-f-]{36}/);
    await settle(page);
  }

  it('registers a letter, attaches its scan, refers it, replies and closes its follow-up', async () => {
    const page = h.page;
    await h.open('/correspondence/new?direction=incoming');
    await page.getByTestId('letter-from').fill('شهرداری شیان');
    await page.getByRole('textbox', { name: tr('fa', 'letters.field.senderNumber') }).fill('XA-2025-0418');
    await page.getByTestId('letter-subject').fill('دعوت به نشست شهرهای جادهٔ ابریشم در شیان');
    await page
      .getByRole('textbox', { name: tr('fa', 'letters.field.body') })
      .fill(
        'شهرداری شیان از هیئتی از شهرداری اصفهان برای شرکت در نشست سالانهٔ شهرهای جادهٔ ابریشم دعوت کرده است.',
      );
    await page.getByRole('textbox', { name: tr('fa', 'letters.field.followUpDate') }).fill('۱۴۰۴/۰۲/۲۵');
    // The cursor left in the last field scrolled the form; the picture shows it from the top.
    await page.getByTestId('letter-subject').focus();
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await shoot(page, 'letter-new', async (locale) => {
      await visible(page.getByRole('heading', { level: 1, name: tr(locale, 'letters.new.incoming') }));
      expect(await page.getByTestId('letter-subject').inputValue()).toBe(
        'دعوت به نشست شهرهای جادهٔ ابریشم در شیان',
      );
    });

    await page.getByTestId('letter-save').click();
    await page.waitForURL(/#\/correspondence\/[0-9a-f-]{36}$/);
    await settle(page);
    const letterUrl = page.url();
    await poll(() => page.getByTestId('letter-state').textContent()).toBe(
      tr('fa', 'letters.state.awaiting_reply'),
    );

    // The scan, through the desktop's file dialog.
    h.desk.platform.nextFiles = [tempFile('دعوت‌نامه شیان.png', pngBytes())];
    await page.getByRole('button', { name: tr('fa', 'attachments.add') }).click();
    await poll(() => page.getByTestId('attachment').count()).toBe(1);
    await shoot(
      page,
      'letter-attachments',
      async (locale) => {
        await visible(page.getByRole('region', { name: tr(locale, 'attachments.title') }));
        expect(await page.getByTestId('attachment').textContent()).toContain('دعوت‌نامه شیان.png');
      },
      () => page.getByRole('region', { name: /^(پیوست‌ها|Attachments)$/ }),
    );

    await page.getByRole('button', { name: tr('fa', 'letters.action.refer'), exact: true }).click();
    await page.getByTestId('refer-to').click();
    await page.getByRole('option', { name: 'سارا کریمی' }).click();
    await page
      .getByRole('textbox', { name: tr('fa', 'letters.refer.instruction') })
      .fill('لطفاً برنامهٔ سفر و فهرست هیئت پیشنهاد شود.');
    await shoot(
      page,
      'letter-refer',
      async (locale) => {
        await poll(() => dialogTitle(page).textContent()).toBe(tr(locale, 'letters.refer.title'));
        expect(await page.getByTestId('refer-to').inputValue()).toBe(
          locale === 'fa' ? 'سارا کریمی' : 'Sara Karimi',
        );
      },
      () => page.getByRole('dialog'),
    );
    await page
      .getByRole('dialog')
      .getByRole('button', { name: tr('fa', 'letters.action.refer') })
      .click();
    await poll(() => page.getByTestId('letter-referrals').textContent()).toContain(
      'مریم احمدی به سارا کریمی',
    );

    // A follow-up kept with the letter, with who does it and by when.
    await page.getByTestId('task-add').click();
    await page.getByTestId('task-title').fill('تماس با شهرداری شیان برای قطعی کردن تاریخ نشست');
    await page.getByTestId('task-assignee').click();
    await page.getByRole('option', { name: 'سارا کریمی' }).click();
    await page.getByTestId('task-due').fill('۱۴۰۴/۰۲/۲۰');
    await page.getByTestId('task-save').click();
    const tasks = page.getByTestId('tasks');
    await poll(() => tasks.getByTestId('task-item').count()).toBe(1);
    await shoot(
      page,
      'letter-followups',
      async (locale) => {
        await visible(
          tasks.getByRole('heading', { name: tr(locale, 'tasks.title.count', { open: 1, total: 1 }) }),
        );
        expect(await tasks.getByTestId('task-meta').textContent()).toContain(
          locale === 'fa' ? 'سارا کریمی' : 'Sara Karimi',
        );
      },
      () => tasks,
    );

    // The Word menu of the letter.
    await page.getByTestId('export-word').click();
    await shoot(page, 'export-menu', async (locale) => {
      await visible(page.getByRole('menuitem', { name: tr(locale, 'documents.export.fa') }));
      await visible(page.getByRole('menuitem', { name: tr(locale, 'documents.export.en') }));
    });
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: tr('fa', 'letters.action.reply'), exact: true }).click();
    await page.waitForURL(/replyTo=/);
    await settle(page);
    const references = page.locator('fieldset', {
      has: page.locator('legend', { hasText: /^(پیرو و عطف|Earlier letters)$/ }),
    });
    await shoot(
      page,
      'letter-reply',
      async (locale) => {
        expect(await page.getByTestId('letter-to').inputValue()).toBe('شهرداری شیان');
        await poll(() => page.getByTestId('letter-reference').textContent()).toContain(
          tr(locale, 'letters.reference.refers'),
        );
      },
      () => references,
    );
    await page.goto(letterUrl);
    await settle(page);
    await page.getByRole('button', { name: tr('fa', 'letters.action.close') }).click();
    await page.getByRole('dialog').getByRole('textbox').fill('دعوت با تلفن پاسخ داده شد.');
    await shoot(
      page,
      'letter-close',
      async (locale) => {
        await poll(() => dialogTitle(page).textContent()).toBe(tr(locale, 'letters.close.title'));
      },
      () => page.getByRole('dialog'),
    );
    await page
      .getByRole('dialog')
      .getByRole('button', { name: tr('fa', 'action.cancel') })
      .click();
    h.assertClean();
  });

  it('shows a relationship’s timeline, and starts a relationship', async () => {
    const page = h.page;
    await openRow(`/relationships?q=${encodeURIComponent('فلورانس')}`, 'فلورانس');
    const timeline = page.getByTestId('activity-timeline');
    await shoot(
      page,
      'relationship-timeline',
      async (locale) => {
        await visible(page.getByRole('region', { name: tr(locale, 'relationships.timeline') }));
        await poll(() => timeline.textContent()).toContain(
          tr(locale, 'relationships.timeline.letter_incoming'),
        );
      },
      () => page.getByRole('region', { name: /^(گاه‌شمار فعالیت|Activity timeline)$/ }),
    );

    await h.open('/relationships/new');
    // The sample office has two own units: the city and its New Julfa neighbourhood.
    await page.getByTestId('relationship-own-unit').click();
    await page.getByRole('option', { name: 'اصفهان', exact: true }).click();
    await page.getByTestId('relationship-partner').click();
    await page.getByTestId('relationship-partner').fill('لاهور');
    await page
      .getByRole('option', { name: /^لاهور/ })
      .first()
      .click();
    await page.getByTestId('relationship-type').click();
    await page.getByRole('option', { name: tr('fa', 'relationships.type.cooperation_agreement') }).click();
    await page.getByRole('checkbox', { name: tr('fa', 'relationships.area.tourism') }).check();
    await page.getByRole('checkbox', { name: tr('fa', 'relationships.area.cultural') }).check();
    await shoot(page, 'relationship-new', async (locale) => {
      await visible(page.getByRole('heading', { level: 1, name: tr(locale, 'relationships.new.title') }));
      expect(
        await page.getByRole('checkbox', { name: tr(locale, 'relationships.area.tourism') }).isChecked(),
      ).toBe(true);
    });
    h.assertClean();
  });

  it('shows a draft agreement, the compare of its versions and a status change', async () => {
    const page = h.page;
    await openRow('/agreements', 'فلورانس');
    const id = page.url().split('#')[1]!.split('/')[2]!.split('?')[0]!;
    await shoot(page, 'agreement-draft', async (locale) => {
      await poll(() => page.getByTestId('agreement-status').textContent()).toBe(
        tr(locale, 'agreements.status.draft'),
      );
      await visible(page.getByTestId('clause-add'));
      expect(await page.getByTestId('clause-row-1').locator('[data-column="fa"]').getAttribute('dir')).toBe(
        'rtl',
      );
    });

    await h.open(`/agreements/${id}?tab=compare&from=1&to=2`);
    const panel = page.getByRole('tabpanel');
    await shoot(
      page,
      'agreement-compare',
      async (locale) => {
        await poll(() => page.getByTestId('compare-summary').textContent()).toContain(
          tr(locale, 'agreements.compare.summary', { added: 1, removed: 0, changed: 1, moved: 0 }),
        );
        expect(await panel.locator('[data-change="changed"] ins').count()).toBeGreaterThan(0);
      },
      () => panel,
    );

    await h.open(`/agreements/${id}`);
    await page.getByTestId('transition-internal_review').click();
    await shoot(
      page,
      'agreement-transition',
      async (locale) => {
        await poll(() => dialogTitle(page).textContent()).toBe(tr(locale, 'agreements.transition.title'));
      },
      () => page.getByRole('dialog'),
    );
    await page
      .getByRole('dialog')
      .getByRole('button', { name: tr('fa', 'action.cancel') })
      .click();
    h.assertClean();
  });

  it('starts an approval chain, records a submission and a decision', async () => {
    const page = h.page;
    const found = await h.desk.ok('cases.list', { text: 'فلورانس', limit: 5 });
    const caseRecord = found.items.find((c) => c.title === 'تمدید تفاهم‌نامه خواهرخواندگی با فلورانس')!;
    await h.open(`/approvals/${caseRecord.id}`);
    await page.getByTestId('approval-template').click();
    await page.getByRole('option', { name: 'سفر رسمی خارجی', exact: true }).click();
    await page.getByTestId('approval-start').click();
    const first = page.getByTestId('step-1');
    await poll(() => first.getByTestId('step-state').textContent()).toBe(
      tr('fa', 'approvals.step.not_submitted'),
    );

    await first.getByRole('button', { name: tr('fa', 'approvals.action.submit') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('step-date').fill('۱۴۰۴/۰۲/۰۱');
    await dialog.getByTestId('step-notes').fill('با نامهٔ مدیرکل ارتباطات و امور بین‌الملل');
    await dialog.getByRole('button', { name: tr('fa', 'action.save') }).click();
    await poll(() => first.getByTestId('step-state').textContent()).toBe(tr('fa', 'approvals.step.waiting'));
    await shoot(page, 'approvals-chain', async (locale) => {
      await poll(() => page.getByTestId('chain-holder').textContent()).toMatch(
        locale === 'fa' ? /اکنون نزد .+، ۱۴ روز\./ : /Now with .+, for 14 days\./,
      );
    });

    await first.getByRole('button', { name: tr('fa', 'approvals.action.decide') }).click();
    await dialog.getByText(tr('fa', 'approvals.decision.approved'), { exact: true }).click();
    await dialog.getByTestId('step-date').fill('۱۴۰۴/۰۲/۱۰');
    await shoot(
      page,
      'approvals-decide',
      async (locale) => {
        await poll(() => dialogTitle(page).textContent()).toContain(
          tr(locale, 'approvals.decide.title', { authority: '' }).trim(),
        );
        await visible(dialog.getByText(tr(locale, 'approvals.decision.returned'), { exact: true }));
      },
      () => dialog,
    );
    await dialog.getByRole('button', { name: tr('fa', 'action.save') }).click();
    await poll(() => first.getByTestId('step-state').textContent()).toBe(tr('fa', 'approvals.step.approved'));
    h.assertClean();
  });

  it('shows a delegation’s passport warning, records a gift and writes an outcome', async () => {
    const page = h.page;
    await openRow(
      `/events?q=${encodeURIComponent('اجلاس جهانی شهرها')}`,
      'اجلاس جهانی شهرها و مجمع شهرداران',
    );
    const delegation = page.getByRole('region', { name: /^(اعضای هیئت|Delegation)$/ });
    await shoot(
      page,
      'event-delegation',
      async (locale) => {
        await poll(() => page.getByTestId('passport-warning').first().textContent()).toBe(
          tr(locale, 'events.member.warning.expires_soon'),
        );
      },
      () => delegation,
    );

    await page.getByRole('button', { name: tr('fa', 'events.gifts.add') }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByRole('textbox', { name: tr('fa', 'events.gift.description') })
      .fill('قاب مینیاتور میدان نقش جهان');
    await dialog.getByRole('textbox', { name: tr('fa', 'events.gift.giver') }).fill('شهردار اصفهان');
    await dialog
      .getByRole('textbox', { name: tr('fa', 'events.gift.receiver') })
      .fill('Mayor of Singapore’s delegate');
    await shoot(
      page,
      'event-gift',
      async (locale) => {
        await poll(() => dialogTitle(page).textContent()).toBe(tr(locale, 'events.gifts.add'));
      },
      () => dialog,
    );
    await dialog.getByRole('button', { name: tr('fa', 'action.save') }).click();
    await poll(() => page.getByTestId('gifts').textContent()).toContain('قاب مینیاتور میدان نقش جهان');

    await page.getByRole('button', { name: tr('fa', 'events.outcome.write') }).click();
    await page
      .getByTestId('outcome-text')
      .fill(
        'هیئت اصفهان در نشست «شهرهای زیست‌پذیر» سخنرانی کرد و با سه شهر آسیایی برای همکاری در مدیریت پسماند گفتگو کرد.',
      );
    await page.getByRole('button', { name: tr('fa', 'events.outcome.addFollowUp') }).click();
    await page
      .getByRole('textbox', { name: tr('fa', 'events.outcome.followUp') })
      .fill('فرستادن نامهٔ سپاس به برگزارکنندگان');
    const outcome = page.getByTestId('outcome');
    await shoot(
      page,
      'event-outcome',
      async (locale) => {
        await visible(outcome.getByRole('button', { name: tr(locale, 'events.outcome.addFollowUp') }));
        expect(await page.getByTestId('outcome-text').inputValue()).toContain('شهرهای زیست‌پذیر');
      },
      () => outcome,
    );
    await page.getByTestId('outcome-save').click();
    await poll(() => outcome.textContent()).toContain('شهرهای زیست‌پذیر');
    // The outcome asked for one follow-up task, kept with the event.
    const eventId = new URL(page.url()).hash.split('/')[2]!;
    await poll(async () =>
      (await h.desk.ok('tasks.list', { ownerType: 'event', ownerId: eventId, limit: 10 })).items.map(
        (t) => t.title,
      ),
    ).toContain('فرستادن نامهٔ سپاس به برگزارکنندگان');
    h.assertClean();
  });

  it('finds a record with Ctrl+K', async () => {
    const page = h.page;
    await h.open('/desk');
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('فلورانس');
    await shoot(page, 'palette', async (locale) => {
      await poll(() => dialogTitle(page).textContent()).toBe(tr(locale, 'palette.title'));
      await poll(() => page.getByTestId('palette-option').count()).toBeGreaterThan(1);
    });
    await page.keyboard.press('Escape');
    h.assertClean();
  });

  it('copies a backup to a removable drive with its progress, and asks before a restore', async () => {
    const page = h.page;
    const drive = mkdtempSync(join(tmpdir(), 'guide-usb-'));
    try {
      await h.open('/settings?tab=upkeep');
      h.desk.platform.nextFolder = drive;
      // The backup runs for real; its answer is held back until both pictures are taken, so
      // the screen stays as the user sees it at the end of the work: the bar and its phase.
      const desk = h.desk.desk as unknown as { call: (method: string, input: unknown) => Promise<unknown> };
      const original = desk.call.bind(desk);
      let release = () => {};
      const gate = new Promise<void>((resolveGate) => (release = resolveGate));
      let finished = false;
      desk.call = async (method, input) => {
        const result = await original(method, input);
        if (method === 'backup.create') {
          finished = true;
          await gate;
        }
        return result;
      };
      try {
        await page.getByRole('button', { name: tr('fa', 'upkeep.backup.createToFolder') }).click();
        await expect.poll(() => finished, { timeout: 60_000 }).toBe(true);
        const progress = page.getByTestId('task-progress').first();
        await shoot(page, 'backup-progress', async (locale) => {
          await visible(progress.getByRole('progressbar', { name: tr(locale, 'progress.label') }));
          expect(await progress.textContent()).toMatch(
            new RegExp(`${tr(locale, 'progress.phase.copy')}|${tr(locale, 'progress.phase.verify')}`),
          );
        });
      } finally {
        Reflect.deleteProperty(desk, 'call');
        release();
      }
      await poll(() => readdirSync(drive).length).toBe(1);
      await poll(async () => (await h.desk.ok('backup.list', {})).length).toBe(1);

      await page.getByRole('button', { name: tr('fa', 'upkeep.backup.restore'), exact: true }).click();
      await shoot(
        page,
        'backup-restore',
        async (locale) => {
          await poll(() => dialogTitle(page).textContent()).toBe(tr(locale, 'upkeep.backup.restore.title'));
        },
        () => page.getByRole('dialog'),
      );
      await page
        .getByRole('dialog')
        .getByRole('button', { name: tr('fa', 'action.cancel') })
        .click();
    } finally {
      rmSync(drive, { recursive: true, force: true });
    }
    h.assertClean();
  });
});
