import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/**
 * DejaVu fonts from the `dejavu-fonts-ttf` package: they cover Latin and Cyrillic (and much
 * more), come with the project's dependencies rather than the server's OS, and are embedded
 * (subset) in every PDF.
 */
const file = (name: string): string => require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`)

export const PDF_FONTS = {
  regular: file('DejaVuSerif'),
  bold: file('DejaVuSerif-Bold'),
  italic: file('DejaVuSerif-Italic'),
  boldItalic: file('DejaVuSerif-BoldItalic'),
  mono: file('DejaVuSansMono'),
} as const

export type PdfFont = keyof typeof PDF_FONTS
