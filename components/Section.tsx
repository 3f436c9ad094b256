import type { ComponentProps, ReactNode } from 'react';

/**
 * A part of a page named by its own heading (`aria-labelledby` → the heading's `headingId`): the
 * one way pages and panels mark their regions. Other props go to the `<section>`.
 */
export function Section({
  headingId,
  title,
  level = 2,
  headingClassName,
  children,
  ...rest
}: Omit<ComponentProps<'section'>, 'title'> & { headingId: string; title: ReactNode; level?: 2 | 3; headingClassName?: string }) {
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <section aria-labelledby={headingId} {...rest}>
      <Heading id={headingId} className={headingClassName}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
