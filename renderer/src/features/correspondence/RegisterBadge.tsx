/**
 * Mantine's small Badge as plain markup: the same classes, variables and look, without the
 * component's props, theme and style resolution on every one of the register's rows (two
 * badges a row were a quarter of the script a scroll ran). Theme colours only.
 */
import { Badge, rem } from '@mantine/core';
import type { CSSProperties } from 'react';

export function RegisterBadge({
  color,
  variant,
  children,
}: {
  color: string;
  variant: 'light' | 'filled';
  children: string;
}) {
  const style = {
    '--badge-height': 'var(--badge-height-sm)',
    '--badge-padding-x': 'var(--badge-padding-x-sm)',
    '--badge-fz': 'var(--badge-fz-sm)',
    '--badge-bg': `var(--mantine-color-${color}-${variant})`,
    '--badge-color':
      variant === 'light' ? `var(--mantine-color-${color}-light-color)` : 'var(--mantine-color-white)',
    '--badge-bd': `${rem(1)} solid transparent`,
  } as CSSProperties;
  return (
    <div
      className={`${Badge.classes.root} mantine-Badge-root`}
      data-variant={variant}
      data-size="sm"
      style={style}
    >
      <span className={`${Badge.classes.label} mantine-Badge-label`}>{children}</span>
    </div>
  );
}
