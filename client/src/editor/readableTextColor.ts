const channel = (hex: string): number => {
  const value = Number.parseInt(hex, 16) / 255
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
}

/**
 * Black or white, whichever contrasts more with `background` (`#rrggbb`), by WCAG
 * relative luminance. Anything else gets black.
 */
export const readableTextColor = (background: string): '#000000' | '#ffffff' => {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background)
  if (!match) return '#000000'
  const [, r = '00', g = '00', b = '00'] = match
  const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
  // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05); they meet at L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff'
}
