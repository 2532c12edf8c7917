// Placeholder while the map script loads: the page keeps its shape, nothing jumps.
export function MapSkeleton({ label }: { label: string }) {
  return (
    <div
      role="status"
      aria-busy="true"
      className="absolute inset-0 flex items-center justify-center bg-[#dde3ea]"
    >
      <div className="absolute inset-8 animate-pulse rounded-[40%] bg-slate-100/70" aria-hidden="true" />
      <p className="relative rounded-md bg-white/90 px-3 py-1.5 text-sm text-slate-700 shadow-sm">{label}</p>
    </div>
  );
}
