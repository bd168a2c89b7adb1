import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bufferSource } from '../../electron/main/core/attachments/byte-source';
import { listCfbNames } from '../../electron/main/core/attachments/cfb-reader';
import {
  TextCheckError,
  extensionOf,
  sniffFile,
  textChecker,
} from '../../electron/main/core/attachments/content-type';
import { extractText } from '../../electron/main/core/attachments/text-extract';
import { readZipDirectory, readZipEntry } from '../../electron/main/core/attachments/zip-reader';
import { zip } from '../../scripts/lib/tiny-formats';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'files');
const fixture = (name: string) => readFileSync(join(fixtures, name));

async function sniff(bytes: Uint8Array, name: string) {
  return sniffFile(bufferSource(bytes), name);
}

describe('content sniffing', () => {
  it.each([
    ['invitation.pdf', 'pdf'],
    ['photo.png', 'png'],
    ['photo.jpg', 'jpeg'],
    ['scan.tif', 'tiff'],
    ['letter.docx', 'docx'],
    ['budget.xlsx', 'xlsx'],
    ['minutes.odt', 'odt'],
    ['notes.txt', 'text'],
    ['notes-utf16.txt', 'text'],
    ['forum.eml', 'eml'],
    ['message.msg', 'msg'],
  ])('accepts %s as %s', async (name, kind) => {
    const sniffed = await sniff(fixture(name), name);
    expect(sniffed).toMatchObject({ ok: true, kind });
  });

  it('decides by content, not by name', async () => {
    expect(await sniff(fixture('invitation.pdf'), 'scan-from-embassy')).toMatchObject({
      ok: true,
      kind: 'pdf',
    });
    expect(await sniff(fixture('photo.png'), 'photo.pdf')).toMatchObject({ ok: true, kind: 'png' });
    expect(await sniff(fixture('letter.docx'), 'letter.zip')).toMatchObject({ ok: true, kind: 'docx' });
  });

  it.each([
    ['setup.exe', 'setup.exe'],
    ['renamed-program.pdf', 'renamed-program.pdf'],
    ['macro.docm', 'macro.docm'],
    ['macro.docm', 'harmless-name.docx'],
    ['macro-renamed.docx', 'macro-renamed.docx'],
    ['page.html', 'page.html'],
    ['page-renamed.txt', 'page-renamed.txt'],
    ['drawing.svg', 'drawing.svg'],
    ['drawing.svg', 'drawing.txt'],
    ['script.txt', 'script.txt'],
    ['run.bat', 'run.txt'],
    ['old-word.doc', 'old-word.doc'],
    ['old-word.doc', 'old-word.msg'],
    ['binary.dat', 'binary.dat'],
    ['latin1.txt', 'latin1.txt'],
    ['invitation.pdf', 'invitation.pdf.exe'],
  ])('refuses %s named %s', async (file, name) => {
    const sniffed = await sniff(fixture(file), name);
    expect(sniffed.ok).toBe(false);
  });

  it('refuses an empty file, ELF and Mach-O programs and a Windows shortcut', async () => {
    expect((await sniff(new Uint8Array(0), 'empty.txt')).ok).toBe(false);
    expect((await sniff(Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), 'tool')).ok).toBe(false);
    expect((await sniff(Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), 'tool')).ok).toBe(false);
    const lnk = Buffer.alloc(76);
    lnk.set([0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0]);
    expect((await sniff(lnk, 'report')).ok).toBe(false);
  });

  it('refuses a zip that is neither Word, Excel nor OpenDocument text', async () => {
    const plain = zip({ 'readme.txt': 'hello', 'photo.png': fixture('photo.png') });
    expect((await sniff(plain, 'archive.zip')).ok).toBe(false);
    const odp = zip({ mimetype: 'application/vnd.oasis.opendocument.presentation' }, 'mimetype');
    expect((await sniff(odp, 'slides.odp')).ok).toBe(false);
    const odtMacro = zip(
      { mimetype: 'application/vnd.oasis.opendocument.text', 'Basic/Standard/Module1.xml': '<module/>' },
      'mimetype',
    );
    expect((await sniff(odtMacro, 'minutes.odt')).ok).toBe(false);
  });

  it('bounds what it inflates: a huge [Content_Types].xml is refused, not read whole', async () => {
    const bomb = zip({ '[Content_Types].xml': 'a'.repeat(5 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const entries = await readZipDirectory(bufferSource(bomb));
    await expect(readZipEntry(bufferSource(bomb), entries[0]!, { maxBytes: 1024 * 1024 })).rejects.toThrow(
      /too large/,
    );
    const cut = await readZipEntry(bufferSource(bomb), entries[0]!, { maxBytes: 1000, truncate: true });
    expect(cut.length).toBe(1000);
    expect((await sniff(bomb, 'letter.docx')).ok).toBe(false);
  });

  it('reads the compound file directory of an Outlook message', async () => {
    const names = await listCfbNames(bufferSource(fixture('message.msg')));
    expect(names).toEqual(
      expect.arrayContaining(['Root Entry', '__properties_version1.0', '__substg1.0_0037001F']),
    );
  });

  it('checks text to its end: invalid UTF-8 or a NUL after the head is refused', () => {
    const ok = textChecker('utf-8');
    ok.push(Buffer.from('سلام '));
    ok.push(Buffer.from('دنیا'));
    expect(() => ok.end()).not.toThrow();

    const split = textChecker('utf-8');
    const bytes = Buffer.from('س');
    split.push(bytes.subarray(0, 1));
    split.push(bytes.subarray(1));
    expect(() => split.end()).not.toThrow();

    const bad = textChecker('utf-8');
    expect(() => bad.push(Buffer.from([0x61, 0xff, 0x62]))).toThrow(TextCheckError);
    const nul = textChecker('utf-8');
    expect(() => nul.push(Buffer.from('a\u0000b'))).toThrow(TextCheckError);
    const cut = textChecker('utf-8');
    cut.push(bytes.subarray(0, 1));
    expect(() => cut.end()).toThrow(TextCheckError);
  });

  it('names the extension of a path written either way', () => {
    expect(extensionOf('C:\\Users\\a\\Report.PDF')).toBe('pdf');
    expect(extensionOf('/home/a/.bashrc')).toBe('');
    expect(extensionOf('archive.tar.gz')).toBe('gz');
  });
});

describe('text taken for search', () => {
  it('reads the paragraphs of a Word document, entities decoded', async () => {
    const text = await extractText('docx', bufferSource(fixture('letter.docx')));
    expect(text).toContain('دعوت‌نامه همایش شهرهای خواهرخوانده');
    expect(text).toContain('Sister cities forum & partners');
    expect(text!.split('\n')).toHaveLength(3);
  });

  it('reads OpenDocument text, UTF-16 text and e-mail', async () => {
    expect(await extractText('odt', bufferSource(fixture('minutes.odt')))).toBe(
      'Minutes\nMeeting with the delegation of Kazan',
    );
    expect(await extractText('text', bufferSource(fixture('notes-utf16.txt')))).toBe('گزارش سفر به ایروان');
    expect(await extractText('eml', bufferSource(fixture('forum.eml')))).toContain(
      'programme of the annual meeting',
    );
    expect(await extractText('pdf', bufferSource(fixture('invitation.pdf')))).toBeNull();
  });

  it('bounds the text of a large file', async () => {
    const big = Buffer.from('واژه '.repeat(100_000));
    const text = await extractText('text', bufferSource(big));
    expect(text!.length).toBe(200_000);
  });
});

describe('the sample data’s attachment files', () => {
  const sample = join(import.meta.dirname, '..', '..', 'resources', 'sample');
  it.each([
    ['invitation-world-cities-summit.pdf', 'pdf'],
    ['khaju-bridge.png', 'png'],
    ['letter-to-kazan.docx', 'docx'],
  ])('accepts %s as %s', async (name, kind) => {
    expect(await sniff(readFileSync(join(sample, name)), name)).toMatchObject({ ok: true, kind });
  });

  it('has a Persian letter whose text is searchable', async () => {
    const text = await extractText('docx', bufferSource(readFileSync(join(sample, 'letter-to-kazan.docx'))));
    expect(text).toContain('هفته فرهنگی اصفهان');
  });
});

describe('damaged and hostile files', () => {
  const containers = [
    'letter.docx',
    'minutes.odt',
    'macro.docm',
    'message.msg',
    'old-word.doc',
    'budget.xlsx',
  ];

  it('answers accept or refuse for any truncation or corruption, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...containers),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        async (name, cut, flips) => {
          const bytes = Buffer.from(fixture(name));
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          const damaged = bytes.subarray(0, bytes.length - (cut % bytes.length));
          const sniffed = await sniff(damaged, name);
          expect(typeof sniffed.ok).toBe('boolean');
          if (sniffed.ok) await extractText(sniffed.kind, bufferSource(damaged));
        },
      ),
      { numRuns: 400, seed: 20261127 },
    );
  });

  it('answers for arbitrary bytes behind a container signature', async () => {
    const signatures = [
      [0x50, 0x4b, 0x03, 0x04],
      [0x50, 0x4b, 0x05, 0x06],
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...signatures),
        fc.uint8Array({ maxLength: 4096 }),
        async (sig, rest) => {
          const sniffed = await sniff(Buffer.concat([Buffer.from(sig), rest]), 'file.docx');
          expect(sniffed.ok).toBe(false);
        },
      ),
      { numRuns: 300, seed: 20261127 },
    );
  });
});
