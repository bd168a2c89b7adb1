/**
 * The register's small badges (direction, state): Mantine's small Badge in look, drawn as one
 * span styled by a shared rule. Mantine's badge is a grid that declares twenty custom
 * properties on every badge and clips its rounded content: in the register, two badges a row
 * were about a third of the style, layout and paint of each scroll frame.
 */
import classes from './RegisterBadge.module.css';

/** The theme colours the register's badges take (each has its rule in RegisterBadge.module.css). */
export type RegisterBadgeColor = 'blue' | 'grape' | 'gray' | 'orange' | 'teal' | 'dark' | 'red';

export function RegisterBadge({
  color,
  variant,
  children,
}: {
  color: RegisterBadgeColor;
  variant: 'light' | 'filled';
  children: string;
}) {
  return (
    <span className={classes.badge} data-color={color} data-variant={variant}>
      {children}
    </span>
  );
}
