import type * as v from 'valibot';

/** Compile-time checks that a valibot schema and a hand-written type describe the same shape. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Assert<T extends true> = T;
export type Out<S extends v.GenericSchema> = v.InferOutput<S>;
