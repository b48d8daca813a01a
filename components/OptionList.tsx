/** A <select>'s options from a list of { id, label } (models, column types). */
export function OptionList({ items }: { items: ReadonlyArray<{ id: string; label: string }> }) {
  return (
    <>
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.label}
        </option>
      ))}
    </>
  );
}
