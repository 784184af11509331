/**
 * A table looked up by words of a text: without a prototype, so a word that names an Object
 * property ("constructor", "toString") is not found in it. With a plain object literal,
 * `UNITS['constructor']` is Object's constructor function: the word "constructor" was read as
 * the number `function Object() { [native code] }th`.
 */
export function wordTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
