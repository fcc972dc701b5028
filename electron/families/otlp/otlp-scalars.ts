import { describeType } from '../reading/describe-value';

/** A time read from OTLP/JSON: the nanoseconds as an exact decimal string, and as milliseconds. */
export interface OtlpTime {
  readonly ns: string;
  readonly ms: number;
}

const HEX = /^[0-9a-fA-F]*$/;
const DIGITS = /^\d+$/;

/**
 * Reads a trace or span id: OTLP/JSON writes the bytes as hex (case-insensitive),
 * lower-cased here so that one id is one key. All zeros is invalid (trace.proto).
 * Returns the id or the reason it is not one.
 */
export function readId(value: unknown, bytes: 16 | 8, what: string): { readonly id: string } | { readonly fault: string } {
  if (typeof value !== 'string') return { fault: `${what} is ${describeType(value)}, not a hex string` };
  if (value.length !== bytes * 2 || !HEX.test(value)) {
    return { fault: `${what} ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)} is not ${bytes * 2} hex digits (${bytes} bytes)` };
  }
  if (/^0+$/.test(value)) return { fault: `${what} is all zeros, which trace.proto reserves for "no id"` };
  return { id: value.toLowerCase() };
}

/**
 * Reads a fixed64 time in nanoseconds since the epoch: a decimal string (what
 * the encoding asks for) or a JSON number (what many writers emit; exact to
 * about 256 ns at today's times). Zero is "unset". Returns the time or why not.
 */
export function readUnixNano(value: unknown, what: string): { readonly time: OtlpTime } | { readonly fault: string } | null {
  if (value === undefined) return null;
  let ns: bigint;
  if (typeof value === 'string' && DIGITS.test(value)) {
    ns = BigInt(value);
  } else if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
    // Past 2^53 every double is an integer: the value as JSON.parse read it.
    ns = BigInt(value);
  } else {
    return { fault: `${what} is ${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : describeType(value)}, not an integer of nanoseconds` };
  }
  if (ns === 0n) return null;
  if (ns > 18_446_744_073_709_551_615n) return { fault: `${what} is larger than a fixed64` };
  // Microsecond precision survives as a double's fraction of a millisecond.
  return { time: { ns: ns.toString(), ms: Number(ns / 1000n) / 1000 } };
}

/** Reads an enum the encoding writes as its number; the name (which proto3 JSON also allows) is read with a fault. */
export function readEnum(value: unknown, names: readonly string[], prefix: string, what: string): { readonly value: number | null; readonly fault: string | null } {
  if (value === undefined || value === null) return { value: 0, fault: null };
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < names.length) return { value, fault: null };
  if (typeof value === 'string') {
    const index = names.findIndex((name) => `${prefix}${name}`.toUpperCase() === value.toUpperCase());
    if (index >= 0) return { value: index, fault: `${what} is the name ${JSON.stringify(value)}; OTLP/JSON writes enums as integers (read as ${index})` };
  }
  return { value: null, fault: `${what} is ${typeof value === 'number' ? String(value) : describeType(value)}, not one of its enum numbers 0..${names.length - 1}` };
}
