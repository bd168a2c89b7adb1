/** A catalogue in another language with exactly the keys of the Persian one. */
export type Translation<Fa> = { readonly [K in keyof Fa]: string };
