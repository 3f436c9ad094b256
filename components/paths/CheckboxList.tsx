/** A list of checkboxes sharing one form field name: each checked value is sent under `name`. */
export function CheckboxList({
  name,
  options,
  checked,
  className,
}: {
  name: string;
  options: { value: string; label: string }[];
  checked: (value: string) => boolean;
  className: string;
}) {
  return (
    <ul className={className}>
      {options.map((o) => (
        <li key={o.value}>
          <label className="flex items-center gap-2">
            <input type="checkbox" name={name} value={o.value} defaultChecked={checked(o.value)} className="h-4 w-4" />
            {o.label}
          </label>
        </li>
      ))}
    </ul>
  );
}
