/** A page the signed-in person may not see: its title, and why as an alert. */
export function Forbidden({ title, message, testId, className = 'mt-2' }: { title: string; message: string; testId?: string; className?: string }) {
  return (
    <div>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p role="alert" className={className} data-testid={testId}>
        {message}
      </p>
    </div>
  );
}
