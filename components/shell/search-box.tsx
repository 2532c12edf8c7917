// Global worker search in the top bar: a plain GET form to /workers?q=…, so it works before any
// JavaScript has loaded. Names in Cyrillic or Latin, document numbers and phones all go in one box.
import { Search } from 'lucide-react';

export function SearchBox({
  label,
  placeholder,
  submit,
}: {
  label: string;
  placeholder: string;
  submit: string;
}) {
  return (
    <form action="/workers" method="get" role="search" className="flex w-full max-w-lg min-w-0 items-center">
      <label htmlFor="global-search" className="sr-only">
        {label}
      </label>
      <div className="relative min-w-0 flex-1">
        <Search
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-500"
        />
        <input
          id="global-search"
          name="q"
          type="search"
          maxLength={100}
          autoComplete="off"
          placeholder={placeholder}
          className="h-9 w-full rounded-l-md border border-slate-300 bg-white pr-2 pl-8 text-sm text-slate-900 placeholder:text-slate-500"
        />
      </div>
      <button
        type="submit"
        className="h-9 shrink-0 rounded-r-md border border-l-0 border-slate-300 bg-slate-50 px-3 text-sm font-medium text-slate-800 hover:bg-slate-100"
      >
        {submit}
      </button>
    </form>
  );
}
