'use client';
// Which layers are drawn: data layers (addresses, open lapses, density) and the outlines.
import { useState } from 'react';
import { ChevronDown, Layers } from 'lucide-react';
import { useT } from '@/lib/i18n/client';
import { cn } from '@/lib/ui/cn';
import { LAYER_KEYS, type LayerKey } from '@/lib/ui/map-url';

export function LayerSwitch({
  layers,
  onChange,
}: {
  layers: LayerKey[];
  onChange: (layers: LayerKey[]) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const names: Record<LayerKey, string> = {
    addresses: t.map.layers.addresses,
    lapses: t.map.layers.openLapses,
    heat: t.map.layers.heat,
    okrugs: t.map.layers.okrugs,
    geofence: t.map.layers.geofence,
  };
  return (
    <div
      className={cn(
        'pointer-events-auto rounded-lg border border-slate-300 bg-white shadow-md',
        open ? 'w-60' : 'w-auto',
      )}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls="map-layers"
        onClick={() => setOpen((v) => !v)}
        className="flex w-full items-center gap-2 rounded-lg px-3 py-2 text-sm font-semibold text-slate-900"
      >
        <Layers aria-hidden="true" className="size-4" />
        <span className="flex-1 text-left">{t.map.layers.title}</span>
        <ChevronDown
          aria-hidden="true"
          className={cn('size-4 transition-transform', !open && '-rotate-90')}
        />
      </button>
      <fieldset id="map-layers" className={cn('border-t border-slate-200 px-3 py-2', !open && 'hidden')}>
        <legend className="sr-only">{t.map.layers.title}</legend>
        {LAYER_KEYS.map((key) => (
          <label key={key} className="flex cursor-pointer items-center gap-2 py-0.5 text-sm text-slate-800">
            <input
              type="checkbox"
              className="size-4 accent-blue-700"
              checked={layers.includes(key)}
              onChange={() =>
                onChange(layers.includes(key) ? layers.filter((l) => l !== key) : [...layers, key])
              }
            />
            {names[key]}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
