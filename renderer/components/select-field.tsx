/** A labelled select over a fixed list, with an optional "any" choice that stands for no filter (''). */
export function SelectField<T extends string>({
  id,
  label,
  value,
  options,
  anyLabel,
  optionLabel,
  onChange,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: T | '';
  readonly options: readonly T[];
  readonly anyLabel?: string;
  readonly optionLabel?: (option: T) => string;
  readonly onChange: (value: T | '') => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T | '')}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel ? optionLabel(option) : option}
          </option>
        ))}
      </select>
    </div>
  );
}
