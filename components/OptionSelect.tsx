const LOOKS = {
  /** In a GET filter form (search, a path's resources, a programme): the empty choice means no filter. */
  filter: {
    label: 'flex max-w-full min-w-0 flex-col text-sm',
    select: 'w-full max-w-full rounded border border-stone-300 bg-white px-2 py-1 sm:w-auto sm:max-w-56',
  },
  /** A field of a form that posts. */
  field: { label: 'flex flex-col', select: 'rounded border border-stone-300 px-2 py-1' },
};

/** A labelled `<select>` whose first, empty choice (`emptyLabel`) means none. */
export function OptionSelect({
  name,
  label,
  emptyLabel,
  value,
  options,
  look = 'filter',
}: {
  name: string;
  label: string;
  emptyLabel: string;
  value?: string;
  options: { value: string; label: string }[];
  look?: keyof typeof LOOKS;
}) {
  return (
    <label className={LOOKS[look].label}>
      <span className="font-medium">{label}</span>
      <select name={name} defaultValue={value ?? ''} className={LOOKS[look].select}>
        <option value="">{emptyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
