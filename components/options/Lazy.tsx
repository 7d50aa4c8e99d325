/** Renders a component loaded with `import()` once it arrives (parts the first paint does not need). */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function Lazy<P extends object>({ load, props }: { load: () => Promise<ComponentType<P>>; props: P }) {
  const [Component, setComponent] = useState<ComponentType<P> | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((c) => live && setComponent(() => c));
    return () => {
      live = false;
    };
  }, [load]);
  return Component ? <Component {...props} /> : null;
}
