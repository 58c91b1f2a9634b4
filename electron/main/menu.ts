import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { TFunction } from 'i18next';

/** The application menu, in the interface language; developer items only outside the package. */
export function buildMenu(t: TFunction, development: boolean): Menu {
  const template: MenuItemConstructorOptions[] = [
    { label: t('Menu.file'), submenu: [{ role: 'quit', label: t('Menu.quit') }] },
    {
      label: t('Menu.edit'),
      submenu: [
        { role: 'undo', label: t('Menu.undo') },
        { role: 'redo', label: t('Menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('Menu.cut') },
        { role: 'copy', label: t('Menu.copy') },
        { role: 'paste', label: t('Menu.paste') },
        { role: 'selectAll', label: t('Menu.selectAll') },
      ],
    },
    {
      label: t('Menu.view'),
      submenu: [
        { role: 'resetZoom', label: t('Menu.resetZoom') },
        { role: 'zoomIn', label: t('Menu.zoomIn') },
        { role: 'zoomOut', label: t('Menu.zoomOut') },
        { role: 'togglefullscreen', label: t('Menu.fullscreen') },
        ...(development ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as const) : []),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
