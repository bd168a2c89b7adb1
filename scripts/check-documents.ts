/**
 * `npm run check:documents`: every kind of Word document, in Persian and English, from the
 * sample office, checked by programs other than ours. LibreOffice (headless, a fresh
 * profile, fonts from a fontconfig file that points at the bundled Vazirmatn) converts each
 * to PDF; pdfinfo counts its pages; pdftotext finds the expected Persian and English words;
 * python-docx (Debian's, /usr/bin/python3) reads each .docx back; pdftoppm draws the first
 * page of each into docs/documents/<kind>.<language>.png. It also times the exports the
 * performance targets name (DESIGN §5) and prints them. Exits 1 on the first failed check.
 *
 * Needs libreoffice-writer-nogui, poppler-utils and python3-docx (CI installs them).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MethodInput, MethodName, MethodOutput } from '../shared/api/contract';
import type { DocumentExportInput } from '../shared/api/documents.contract';
import { openDesk, type Desk } from '../electron/main/core';
import { vazirmatnDir } from '../electron/main/core/documents/fonts';
import { seedDocumentsWorld } from '../test/integration/documents.fixtures';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PNG_DIR = join(ROOT, 'docs', 'documents');
/** The sample office's "today": fixed, so the pictures only change when the documents do. */
const TODAY = new Date('2025-05-05T09:00:00.000Z');

interface Job {
  kind: string;
  /** What to export in each language (a letter written in English for the English one). */
  input: Record<'fa' | 'en', Omit<DocumentExportInput, 'language' | 'path'>>;
  /** Words each language's PDF must contain, and its fewest and most pages. */
  expect: Record<'fa' | 'en', string[]>;
  pages: [number, number];
}

function fail(message: string): never {
  console.error(`check:documents: ${message}`);
  process.exit(1);
}

function call(desk: Desk) {
  return async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await desk.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
}

/** The sample office when sample.load can build it; otherwise the documents tests' office. */
async function loadOffice(desk: Desk): Promise<'sample' | 'fixture'> {
  const loaded = await desk.call('sample.load', { force: false });
  if (loaded.ok && loaded.value.loaded) return 'sample';
  console.log(
    `sample.load did not load (${loaded.ok ? loaded.value.reason : loaded.error.message}); using the test office`,
  );
  await seedDocumentsWorld(call(desk));
  return 'fixture';
}

async function chooseJobs(desk: Desk): Promise<Job[]> {
  const ask = call(desk);
  const letters = (await ask('letters.list', { direction: 'outgoing', limit: 200 })).items;
  const letter = letters.find((l) => l.language === 'fa') ?? letters[0];
  const englishLetter = letters.find((l) => l.language === 'en') ?? letter;
  const agreements = (await ask('agreements.list', { limit: 200 })).items;
  const agreement = [...agreements].sort((a, b) => b.languages.length - a.languages.length)[0];
  const partners = (await ask('partners.list', { own: false, kind: 'city', limit: 200 })).items;
  const relationships = (await ask('relationships.list', { limit: 500 })).items;
  const partner =
    partners.find((p) => p.nameEn === 'Florence') ??
    partners.find((p) => p.latitude !== null && relationships.some((r) => r.partner.id === p.id));
  const events = (await ask('events.list', { limit: 200 })).items;
  const event = [...events].sort(
    (a, b) => b.programmeCount + b.delegationCount - (a.programmeCount + a.delegationCount),
  )[0];
  if (!letter || !englishLetter || !agreement || !partner || !event) {
    fail('the office has no letter, agreement, partner or event to print');
  }
  const both = (input: Omit<DocumentExportInput, 'language' | 'path'>) => ({ fa: input, en: input });
  return [
    {
      kind: 'letter',
      input: { fa: { kind: 'letter', id: letter.id }, en: { kind: 'letter', id: englishLetter.id } },
      expect: { fa: ['بسمه تعالی', 'شماره', 'موضوع'], en: ['Our ref.', 'Subject'] },
      pages: [1, 3],
    },
    {
      kind: 'agreement',
      input: both({ kind: 'agreement', id: agreement.id }),
      expect: { fa: ['ماده', 'از طرف'], en: ['For '] },
      pages: [1, 6],
    },
    {
      kind: 'briefing',
      input: both({ kind: 'partnerBriefing', id: partner.id }),
      expect: {
        fa: ['گزارش توجیهی دیدار', 'فهرست مطالب', 'مشخصات و موقعیت', 'روابط', partner.nameFa],
        en: ['Briefing', 'Contents', 'Facts and position', 'Relationships', partner.nameEn ?? partner.nameFa],
      },
      pages: [3, 12],
    },
    {
      kind: 'event',
      input: both({ kind: 'eventBrief', id: event.id }),
      expect: {
        fa: ['گزارش رویداد', 'اهداف', 'برنامه', 'هیئت', 'هدایا'],
        en: ['Event brief', 'Objectives', 'Programme'],
      },
      pages: [1, 6],
    },
    {
      kind: 'report',
      input: both({ kind: 'activityReport', period: { year: 1404 } }),
      expect: {
        fa: ['گزارش عملکرد', 'خلاصه', 'مکاتبات در هر ماه', 'فروردین'],
        en: ['Activity report', 'Letters per month', 'Farvardin 1404'],
      },
      pages: [1, 6],
    },
  ];
}

/** The median of `runs` timed exports of `input`, in milliseconds. */
async function timeExport(desk: Desk, input: DocumentExportInput, runs = 7): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await desk.call('documents.export', input);
    if (!result.ok) fail(`timing ${input.kind}: ${result.error.message}`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** A bilingual MoU with fifteen clauses, as DESIGN §5 times it. */
async function fifteenClauseMou(desk: Desk): Promise<string> {
  const ask = call(desk);
  const own = (await ask('partners.list', { own: true, limit: 1 })).items[0];
  const other = (await ask('partners.list', { own: false, limit: 1 })).items[0];
  if (!own || !other) fail('no partners for the timed MoU');
  const mou = await ask('agreements.create', {
    kind: 'mou',
    title: 'تفاهم‌نامه همکاری شهری (پانزده ماده)',
    languages: ['fa', 'en'],
    preamble: {
      fa: 'طرفین با هدف گسترش همکاری‌های شهری توافق کردند:',
      en: 'The Parties, wishing to widen urban cooperation, agree:',
    },
    ownUnit: { partnerId: own.id },
    partners: [{ partnerId: other.id }],
  });
  for (let n = 1; n <= 15; n++) {
    await ask('agreements.clauses.add', {
      agreementId: mou.id,
      texts: {
        fa: `طرفین در حوزه شماره ${n} از جمله مدیریت شهری، گردشگری، میراث فرهنگی و آموزش، برنامه‌های مشترک سالانه تدوین و اجرا می‌کنند و گزارش آن را به یکدیگر ارائه می‌دهند.`,
        en: `In area ${n}, including urban management, tourism, cultural heritage and education, the Parties shall prepare and carry out joint annual programmes and report on them to each other.`,
      },
    });
  }
  return mou.id;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  try {
    return execFileSync(command, args, {
      env,
      encoding: 'utf8',
      timeout: 170_000,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    fail(`${command} failed: ${e.stderr ?? e.message}`);
  }
}

/** pdftotext writes Persian in logical order, but a lam-alef ligature comes out as alef-lam. */
function comparable(text: string): string {
  return text
    .replace(/[\u202a-\u202e\u200e\u200f]/g, '')
    .replace(/لا/g, 'ال')
    .replace(/\s+/g, ' ');
}

/**
 * Reads each .docx with python-docx: its paragraphs (those in tables too), whether each
 * paragraph that begins in Persian is right to left (w:bidi, read raw: python-docx has no property for it), its
 * tables and sections, and its text.
 */
const PYTHON_READER = `
import json, sys, docx
from docx.text.paragraph import Paragraph
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
out = []
for path in sys.argv[1:]:
    d = docx.Document(path)
    paragraphs = [Paragraph(p, d) for p in d.element.body.iter(W + 'p')]
    def is_bidi(p):
        pPr = p._p.pPr
        el = pPr.find(W + 'bidi') if pPr is not None else None
        return el is not None and el.get(W + 'val') not in ('0', 'false', 'off')
    def starts_persian(text):
        for ch in text:
            if '\\u0600' <= ch <= '\\u06ff':
                return True
            if ch.isalpha():
                return False
        return False
    persian = [p for p in paragraphs if starts_persian(p.text)]
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    out.append({
        'path': path,
        'paragraphs': len(paragraphs),
        'persian': len(persian),
        'persianBidi': sum(1 for p in persian if is_bidi(p)),
        'tables': len(d.tables),
        'sections': len(d.sections),
        'text': '\\n'.join([p.text for p in d.paragraphs] + cells),
    })
print(json.dumps(out, ensure_ascii=False))
`;

async function main(): Promise<void> {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'check-documents-'));
  const desk = await openDesk({
    dataDir: join(work, 'desk'),
    actor: 'm.ahmadi',
    platform: {
      workstation: () => 'CHECK',
      appVersion: () => 'check',
      chooseFiles: async () => null,
      chooseSavePath: async () => null,
      chooseFolder: async () => null,
      openPath: async () => undefined,
    },
    clock: { now: () => TODAY },
    logger: { error: (message, detail) => console.error(message, detail) },
    automaticBackups: false,
    resourcesDir: join(ROOT, 'resources'),
  });
  try {
    console.log(`office: ${await loadOffice(desk)}`);
    const jobs = await chooseJobs(desk);
    const docsDir = join(work, 'docx');
    mkdirSync(docsDir);
    const files: { job: Job; language: 'fa' | 'en'; docx: string; name: string }[] = [];
    for (const job of jobs) {
      for (const language of ['fa', 'en'] as const) {
        const name = `${job.kind}.${language}`;
        const docx = join(docsDir, `${name}.docx`);
        const result = await desk.call('documents.export', {
          ...job.input[language],
          language,
          path: docx,
        } as DocumentExportInput);
        if (!result.ok) fail(`${name}: ${result.error.code} ${result.error.message}`);
        files.push({ job, language, docx, name });
      }
    }

    const briefing = jobs.find((j) => j.kind === 'briefing')!.input.fa;
    const mou = await fifteenClauseMou(desk);
    const briefingMs = await timeExport(desk, {
      ...briefing,
      language: 'fa',
      path: join(work, 'timed-briefing.docx'),
    } as DocumentExportInput);
    const mouMs = await timeExport(desk, {
      kind: 'agreement',
      id: mou,
      language: 'fa',
      path: join(work, 'timed-mou.docx'),
    });
    console.log(
      `timing (median of 7): partner briefing ${briefingMs.toFixed(0)} ms (target < 500), 15-clause bilingual MoU ${mouMs.toFixed(0)} ms (target < 200)`,
    );

    // LibreOffice: one run for every document, a fresh profile, Vazirmatn from the package.
    const fonts = vazirmatnDir();
    const fontconfig = join(work, 'fonts.conf');
    writeFileSync(
      fontconfig,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <dir>${fonts}</dir>\n  <dir>${resolve(fonts, '../../misc/Farsi-Digits-Non-Latin/fonts/ttf')}</dir>\n` +
        `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <cachedir>${join(work, 'fontcache')}</cachedir>\n</fontconfig>\n`,
    );
    const pdfDir = join(work, 'pdf');
    run(
      'libreoffice',
      [
        `-env:UserInstallation=file://${join(work, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        pdfDir,
        ...files.map((f) => f.docx),
      ],
      { ...process.env, FONTCONFIG_FILE: fontconfig },
    );

    const python = JSON.parse(
      run('/usr/bin/python3', ['-c', PYTHON_READER, ...files.map((f) => f.docx)]),
    ) as {
      path: string;
      paragraphs: number;
      persian: number;
      persianBidi: number;
      tables: number;
      text: string;
    }[];

    mkdirSync(PNG_DIR, { recursive: true });
    for (const file of files) {
      const pdf = join(pdfDir, `${file.name}.pdf`);
      const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))?.[1] ?? 0);
      const [fewest, most] = file.job.pages;
      if (pages < fewest || pages > most)
        fail(`${file.name}.pdf has ${pages} pages, expected ${fewest}–${most}`);
      if (!run('pdffonts', [pdf]).includes('Vazirmatn')) fail(`${file.name}.pdf is not set in Vazirmatn`);
      const text = comparable(run('pdftotext', [pdf, '-']));
      for (const word of file.job.expect[file.language]) {
        if (!text.includes(comparable(word))) fail(`${file.name}.pdf does not show «${word}»`);
      }
      const read = python.find((p) => p.path === file.docx);
      if (!read || read.paragraphs < 5)
        fail(`python-docx read ${read?.paragraphs ?? 0} paragraphs of ${file.name}.docx`);
      if (file.language === 'fa' && read.persianBidi !== read.persian) {
        fail(
          `${file.name}.docx: ${read.persian - read.persianBidi} Persian paragraphs are not right to left`,
        );
      }
      for (const word of file.job.expect[file.language]) {
        if (!read.text.includes(word)) fail(`python-docx does not find «${word}» in ${file.name}.docx`);
      }
      run('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(work, file.name)]);
      copyFileSync(join(work, `${file.name}.png`), join(PNG_DIR, `${file.name}.png`));
      console.log(
        `${file.name}: ${pages} page(s), ${read.paragraphs} paragraphs, ${read.tables} tables — ok`,
      );
    }
    console.log(
      `check:documents: ${files.length} documents checked in ${((performance.now() - started) / 1000).toFixed(0)} s; pictures in docs/documents/`,
    );
  } finally {
    await desk.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
