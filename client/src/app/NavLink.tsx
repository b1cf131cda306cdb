import type { ComponentProps } from 'react'
import { Link, useLocation } from 'wouter'

type NavLinkProps = Omit<ComponentProps<'a'>, 'href'> & {
  to: string
  /** Current only on `to` itself, not on the pages below it. */
  end?: boolean
}

/** A link of the main navigation, which tells screen readers and the styles it is the current page. */
export const NavLink = ({ to, end = false, ...props }: NavLinkProps) => {
  const [path] = useLocation()
  const current = path === to || (!end && path.startsWith(`${to}/`))
  return <Link to={to} aria-current={current ? 'page' : undefined} {...props} />
}
