/** A labelled `<select>` of a GET filter form; the empty choice (`allLabel`) means no filter. */
export function FilterSelect({
  name,
  label,
  allLabel,
  value,
  options,
}: {
  name: string;
  label: string;
  allLabel: string;
  value: string | undefined;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="flex max-w-full min-w-0 flex-col text-sm">
      <span className="font-medium">{label}</span>
      <select name={name} defaultValue={value ?? ''} className="w-full max-w-full rounded border border-stone-300 bg-white px-2 py-1 sm:w-auto sm:max-w-56">
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
