/**
 * Line drawings for the two list buttons. A drawing, not the characters "•" or "1.": text in
 * a button should be part of its spoken name, and "1." is not part of "Numbered list".
 */
const PATHS = {
  bulletList: 'M8 5h9M8 10h9M8 15h9M4 4.2v1.6M4 9.2v1.6M4 14.2v1.6',
  orderedList: 'M8 5h9M8 10h9M8 15h9M4 3v4M3 9h2l-2 3h2M3 14h2l-1 1.5 1 1.5H3',
} as const

export const ListIcon = ({ kind }: { kind: keyof typeof PATHS }) => (
  <svg
    className="toolbar-icon"
    viewBox="0 0 20 20"
    width="20"
    height="20"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.6"
    strokeLinecap="round"
    strokeLinejoin="round"
    focusable="false"
    // Decorative: the button's label names the format.
    aria-hidden="true"
  >
    <path d={PATHS[kind]} />
  </svg>
)
