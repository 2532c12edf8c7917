// The worker's places and movement trace on the real map (worker file and trace dialog).
export const placeMapRu = {
  regionLabel: 'Карта: заявленный адрес и места перерывов',
  traceLabel: 'Карта маршрута перемещений',
  placesCaption:
    'Заявленный адрес (синий круг) поверх мест перерывов (треугольники). Точный адрес — в карточке выше.',
  traceCaption:
    'Маршрут по отметкам: цвет линии меняется со временем, точки — начало каждого часа. Точные данные — в таблице.',
  start: 'Начало {time}',
  end: 'Конец {time}',
  earlier: 'Раньше',
  later: 'Позже',
  timeScale: 'Время отметок: от {from} до {to}',
  hourTick: 'Начало часа',
  address: 'Заявленный адрес',
  lapse: 'Место перерыва (последняя отметка)',
};
