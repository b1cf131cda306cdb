/**
 * A toolbar line drawing in the text colour, drawn here so no icon font or request is needed.
 * Decorative: the button's label names what it does.
 */
export const LineIcon = ({ d }: { d: string }) => (
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
    aria-hidden="true"
  >
    <path d={d} />
  </svg>
)
