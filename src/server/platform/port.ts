// A port: a lower module declares what it needs from an upper one (which it may not import), and app.ts plugs the
// upper module's functions in once, at load. Reading a port nobody filled is a programming error, named loudly.

export interface Port<T> {
  provide(impl: T): void;
  get(): T;
}

export function definePort<T>(name: string): Port<T> {
  let impl: T | null = null;
  return {
    provide(i: T) {
      impl = i;
    },
    get(): T {
      if (impl === null) throw new Error(`internal: port ${name} was not provided (app.ts provides it)`);
      return impl;
    },
  };
}
