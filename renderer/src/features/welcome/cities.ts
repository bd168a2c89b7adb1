/**
 * Iran's provincial capitals, offered when the office names its own city on the first run:
 * Persian and Latin names and the centre's coordinates for the partner map. Any other city
 * can be typed.
 */
export interface KnownCity {
  nameFa: string;
  nameEn: string;
  latitude: number;
  longitude: number;
}

export const IRANIAN_CITIES: readonly KnownCity[] = [
  { nameFa: 'اصفهان', nameEn: 'Isfahan', latitude: 32.6539, longitude: 51.666 },
  { nameFa: 'تهران', nameEn: 'Tehran', latitude: 35.6892, longitude: 51.389 },
  { nameFa: 'مشهد', nameEn: 'Mashhad', latitude: 36.2605, longitude: 59.6168 },
  { nameFa: 'شیراز', nameEn: 'Shiraz', latitude: 29.5918, longitude: 52.5837 },
  { nameFa: 'تبریز', nameEn: 'Tabriz', latitude: 38.08, longitude: 46.2919 },
  { nameFa: 'کرج', nameEn: 'Karaj', latitude: 35.84, longitude: 50.9391 },
  { nameFa: 'قم', nameEn: 'Qom', latitude: 34.6416, longitude: 50.8746 },
  { nameFa: 'اهواز', nameEn: 'Ahvaz', latitude: 31.3183, longitude: 48.6706 },
  { nameFa: 'کرمانشاه', nameEn: 'Kermanshah', latitude: 34.3142, longitude: 47.065 },
  { nameFa: 'ارومیه', nameEn: 'Urmia', latitude: 37.5527, longitude: 45.0761 },
  { nameFa: 'رشت', nameEn: 'Rasht', latitude: 37.2808, longitude: 49.5832 },
  { nameFa: 'زاهدان', nameEn: 'Zahedan', latitude: 29.4963, longitude: 60.8629 },
  { nameFa: 'کرمان', nameEn: 'Kerman', latitude: 30.2839, longitude: 57.0834 },
  { nameFa: 'همدان', nameEn: 'Hamadan', latitude: 34.7983, longitude: 48.5148 },
  { nameFa: 'یزد', nameEn: 'Yazd', latitude: 31.8974, longitude: 54.3569 },
  { nameFa: 'اراک', nameEn: 'Arak', latitude: 34.0917, longitude: 49.6892 },
  { nameFa: 'اردبیل', nameEn: 'Ardabil', latitude: 38.2498, longitude: 48.2933 },
  { nameFa: 'بندرعباس', nameEn: 'Bandar Abbas', latitude: 27.1832, longitude: 56.2666 },
  { nameFa: 'قزوین', nameEn: 'Qazvin', latitude: 36.2688, longitude: 50.0041 },
  { nameFa: 'زنجان', nameEn: 'Zanjan', latitude: 36.6736, longitude: 48.4787 },
  { nameFa: 'سنندج', nameEn: 'Sanandaj', latitude: 35.3219, longitude: 46.9862 },
  { nameFa: 'خرم‌آباد', nameEn: 'Khorramabad', latitude: 33.4878, longitude: 48.3558 },
  { nameFa: 'گرگان', nameEn: 'Gorgan', latitude: 36.8456, longitude: 54.4393 },
  { nameFa: 'ساری', nameEn: 'Sari', latitude: 36.5633, longitude: 53.0601 },
  { nameFa: 'بوشهر', nameEn: 'Bushehr', latitude: 28.9234, longitude: 50.8203 },
  { nameFa: 'بیرجند', nameEn: 'Birjand', latitude: 32.8663, longitude: 59.2211 },
  { nameFa: 'بجنورد', nameEn: 'Bojnurd', latitude: 37.4747, longitude: 57.329 },
  { nameFa: 'ایلام', nameEn: 'Ilam', latitude: 33.6374, longitude: 46.4227 },
  { nameFa: 'یاسوج', nameEn: 'Yasuj', latitude: 30.6682, longitude: 51.587 },
  { nameFa: 'شهرکرد', nameEn: 'Shahrekord', latitude: 32.3256, longitude: 50.8644 },
  { nameFa: 'سمنان', nameEn: 'Semnan', latitude: 35.5729, longitude: 53.3971 },
];
