// Carbon quantities as a person reads them, for the CLI, hovers and code lenses.

/** 12.345 → "12.3 kgCO2e"; 0.0123 → "12.3 gCO2e"; grams below one kilogram. */
export function formatKgCO2e(kg: number): string {
  if (Math.abs(kg) >= 1000) return `${(kg / 1000).toFixed(2)} tCO2e`;
  if (Math.abs(kg) >= 1) return `${kg.toFixed(Math.abs(kg) >= 100 ? 0 : 1)} kgCO2e`;
  return `${(kg * 1000).toFixed(Math.abs(kg) * 1000 >= 100 ? 0 : 1)} gCO2e`;
}
