// Buttons and button-looking links. Width follows the label (Russian runs ~30 % longer), never fixed.
import Link from 'next/link';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/ui/cn';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'sm' | 'md';

const VARIANTS: Record<ButtonVariant, string> = {
  primary: 'bg-blue-700 text-white hover:bg-blue-800 border-blue-700',
  secondary: 'bg-white text-slate-800 hover:bg-slate-50 border-slate-300',
  ghost: 'bg-transparent text-slate-700 hover:bg-slate-100 border-transparent',
  danger: 'bg-red-700 text-white hover:bg-red-800 border-red-700',
};

const SIZES: Record<ButtonSize, string> = {
  sm: 'h-8 px-2.5 text-sm gap-1.5',
  md: 'h-9 px-3.5 text-sm gap-2',
};

const ICON_SIZES: Record<ButtonSize, string> = {
  sm: 'size-8',
  md: 'size-9',
};

export function buttonClass(
  variant: ButtonVariant = 'secondary',
  size: ButtonSize = 'md',
  className?: string,
  iconOnly = false,
): string {
  return cn(
    'inline-flex shrink-0 items-center justify-center whitespace-nowrap rounded-md border font-medium [&_svg]:shrink-0',
    'transition-colors disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60',
    VARIANTS[variant],
    iconOnly ? ICON_SIZES[size] : SIZES[size],
    className,
  );
}

export interface ButtonProps extends ComponentProps<'button'> {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

export function Button({ variant, size, className, type = 'button', ...rest }: ButtonProps) {
  return <button type={type} className={buttonClass(variant, size, className)} {...rest} />;
}

export interface LinkButtonProps extends ComponentProps<typeof Link> {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

export function LinkButton({ variant, size, className, ...rest }: LinkButtonProps) {
  return <Link className={buttonClass(variant, size, className)} {...rest} />;
}

/** A square button holding only an icon: the label is required and becomes the accessible name. */
export function IconButton({
  label,
  className,
  variant = 'ghost',
  size = 'md',
  children,
  type = 'button',
  ...rest
}: ButtonProps & { label: string }) {
  return (
    <button
      type={type}
      aria-label={label}
      title={label}
      className={buttonClass(variant, size, className, true)}
      {...rest}
    >
      {children}
    </button>
  );
}
