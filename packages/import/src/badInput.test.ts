import { articlesDraft } from '@accord/test-support'
import { describe, expect, it } from 'vitest'
import { ImportError } from './ImportError.js'
import { importFile } from './importFile.js'
import { DEFAULT_PACKAGE_LIMITS } from './package/readPackage.js'
import {
  legacyDoc,
  partString,
  passwordProtectedDocx,
  repack,
  text,
} from './testCorpus/hostileFiles.js'

const refusal = (name: string, bytes: Uint8Array): string => {
  try {
    importFile(name, bytes)
  } catch (error) {
    if (error instanceof ImportError) return error.reason
    throw error
  }
  throw new Error('the file was imported')
}

const DOCUMENT = 'word/document.xml'

describe('files that cannot be imported are refused with a reason', () => {
  it('a 0-byte file', () => {
    expect(refusal('draft.docx', new Uint8Array())).toBe('empty_file')
    expect(refusal('draft.md', new Uint8Array())).toBe('empty_file')
  })

  it('a type that is not imported', async () => {
    expect(refusal('draft.pdf', text('%PDF-1.7'))).toBe('unknown_type')
    expect(refusal('draft', text('Статья 1'))).toBe('unknown_type')
  })

  it('a file that is not what its name says', async () => {
    expect(refusal('draft.docx', text('Статья 1. Предмет'))).toBe('not_what_it_says')
    expect(refusal('draft.odt', await articlesDraft())).toBe('not_what_it_says')
    expect(refusal('draft.md', await articlesDraft())).toBe('not_what_it_says')
    expect(refusal('draft.html', new Uint8Array([0x3c, 0x70, 0x3e, 0, 1, 2]))).toBe(
      'not_what_it_says',
    )
    // A zip that holds no Word document (an .odt renamed .docx is one).
    expect(
      refusal(
        'draft.docx',
        repack(await articlesDraft(), (p) => {
          for (const name of Object.keys(p)) delete p[name]
          p['hello.txt'] = text('hello')
        }),
      ),
    ).toBe('not_what_it_says')
  })

  it('a text file that is not UTF-8', () => {
    // "Статья" in Windows-1251.
    expect(refusal('draft.md', new Uint8Array([0xd1, 0xf2, 0xe0, 0xf2, 0xfc, 0xff]))).toBe(
      'not_utf8',
    )
  })

  it('a password-protected .docx, and an old .doc renamed .docx', () => {
    expect(refusal('draft.docx', passwordProtectedDocx())).toBe('password_protected')
    expect(refusal('draft.docx', legacyDoc())).toBe('legacy_word')
  })

  it('a zip bomb: parts that unpack past the total limit stop while they are inflated', async () => {
    const draft = await articlesDraft()
    const limits = { ...DEFAULT_PACKAGE_LIMITS, maxUnpackedBytes: 16 * 1024 }
    expect(() => importFile('draft.docx', draft, { limits })).toThrow(ImportError)
    expect(importFile('draft.docx', draft).report.clauses).toBe(3)
  })

  it('a zip bomb: a part far more compressed than any document', async () => {
    const bomb = repack(await articlesDraft(), (p) => {
      p['word/styles.xml'] = new Uint8Array(20 * 1024 * 1024).fill(0x20)
    })
    expect(refusal('draft.docx', bomb)).toBe('zip_bomb')
  })

  it('a bomb in a part the import never reads is never inflated', async () => {
    const file = repack(await articlesDraft(), (p) => {
      p['word/media/huge.bin'] = new Uint8Array(64 * 1024 * 1024)
    })
    expect(importFile('draft.docx', file).report.clauses).toBe(3)
  })

  it('XML with an external entity is refused and the entity never resolved', async () => {
    const xxe = repack(await articlesDraft(), (p) => {
      const xml = partString(p, DOCUMENT).replace(
        /^<\?xml[^>]*\?>/,
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
      )
      p[DOCUMENT] = text(xml.replace('Предмет', '&secret;'))
    })
    expect(refusal('draft.docx', xxe)).toBe('xml_entities')
  })

  it('XML with entity expansion ("billion laughs") is refused', async () => {
    const laughs = repack(await articlesDraft(), (p) => {
      const entities = Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`,
      ).join('')
      p['word/styles.xml'] = text(
        `<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY l0 "lol">${entities}]><w:styles>&l9;</w:styles>`,
      )
    })
    expect(refusal('draft.docx', laughs)).toBe('xml_entities')
  })

  it('broken relationships: the main part is missing', async () => {
    const broken = repack(await articlesDraft(), (p) => {
      delete p[DOCUMENT]
    })
    expect(refusal('draft.docx', broken)).toBe('broken_package')
    const noRels = repack(await articlesDraft(), (p) => {
      delete p['_rels/.rels']
    })
    expect(refusal('draft.docx', noRels)).toBe('broken_package')
  })

  it('XML that is not well-formed', async () => {
    const cut = repack(await articlesDraft(), (p) => {
      p[DOCUMENT] = p[DOCUMENT]?.subarray(0, 2000) ?? new Uint8Array()
    })
    expect(refusal('draft.docx', cut)).toBe('bad_xml')
  })

  it('a file that is not a zip at all though it starts like one', () => {
    const fake = new Uint8Array(200).fill(7)
    fake.set([0x50, 0x4b, 0x03, 0x04])
    expect(['broken_package', 'not_what_it_says']).toContain(refusal('draft.docx', fake))
  })
})

describe('a macro-enabled .docm', () => {
  it('is imported with its macros ignored, and says so', async () => {
    const docm = repack(await articlesDraft(), (p) => {
      p['[Content_Types].xml'] = text(
        partString(p, '[Content_Types].xml').replace(
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
          'application/vnd.ms-word.document.macroEnabled.main+xml',
        ),
      )
      p['word/vbaProject.bin'] = crypto.getRandomValues(new Uint8Array(2048))
    })
    const doc = importFile('draft.docm', docm)
    expect(doc.report.clauses).toBe(3)
    expect(doc.report.warnings.map((w) => w.code)).toContain('macros_ignored')
    expect(JSON.stringify(doc.content)).not.toContain('vba')
  })
})
