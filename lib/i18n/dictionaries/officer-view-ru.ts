// Russian strings for the map layout and the API reference page. Wired into the main dictionary as
// `officerView`; `officer-view-en.ts` must have exactly the same keys.

export const officerViewRu = {
  map: {
    badge: 'Число на краю группы: открытые перерывы в этой группе',
  },
};
