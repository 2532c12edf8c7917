'use client';
// The search box of the worker list: submits on Enter or the button (not on every keystroke, so a
// half-typed document number does not fire a search and an audit entry).
import { useState, type FormEvent } from 'react';
import { Search } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useT } from '@/lib/i18n/client';

export function WorkerSearchForm({
  value,
  onSearch,
}: {
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
}) {
  const t = useT();
  const p = t.pages.workers;
  const [text, setText] = useState(value ?? '');
  const [seen, setSeen] = useState(value);
  // The top-bar search or the back button can change ?q= underneath us.
  if (value !== seen) {
    setSeen(value);
    setText(value ?? '');
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim() || undefined);
  };
  return (
    <form role="search" onSubmit={submit} className="flex min-w-64 flex-1 items-end gap-2">
      <Field label={p.searchLabel} className="min-w-0 flex-1">
        {(control) => (
          <Input
            {...control}
            type="search"
            value={text}
            maxLength={100}
            autoComplete="off"
            placeholder={p.searchPlaceholder}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" variant="primary">
        <Search aria-hidden="true" className="size-4" />
        {p.searchSubmit}
      </Button>
    </form>
  );
}
