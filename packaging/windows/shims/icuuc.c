/*
 * icuuc.dll shim for Wine 8 (the Windows test lane only; never shipped).
 *
 * Why: PySide6's Qt6Core.dll imports ICU's converter functions (ucnv_*) from
 * Windows 10's system icuuc.dll, which Wine 8 does not have, so importing QtCore
 * fails ("DLL load failed while importing QtWidgets"). These stubs report every
 * converter as unavailable (ucnv_open fails with U_FILE_ACCESS_ERROR), and Qt
 * falls back to its own UTF-8/UTF-16 codecs, which is all Flowdesk uses.
 * On x64 Windows the caller cleans the stack, so a stub that ignores its
 * arguments and returns 0 is safe for every signature here.
 * The export list is Qt6Core.dll's import list (objdump -p, "DLL Name: icuuc.dll").
 */
#include <stddef.h>
#include <stdint.h>

#define U_FILE_ACCESS_ERROR 4

__declspec(dllexport) void *ucnv_open(const char *name, int32_t *err)
{
    (void)name;
    if (err != NULL && *err <= 0)
        *err = U_FILE_ACCESS_ERROR;
    return NULL;
}

#define STUB(name) __declspec(dllexport) intptr_t name(void) { return 0; }

STUB(ucnv_close)
STUB(UCNV_FROM_U_CALLBACK_SUBSTITUTE)
STUB(UCNV_TO_U_CALLBACK_SUBSTITUTE)
STUB(ucnv_reset)
STUB(ucnv_getMaxCharSize)
STUB(ucnv_getName)
STUB(ucnv_getToUCallBack)
STUB(ucnv_getFromUCallBack)
STUB(ucnv_setToUCallBack)
STUB(ucnv_setFromUCallBack)
STUB(ucnv_cbToUWriteUChars)
STUB(ucnv_toUnicode)
STUB(ucnv_cbFromUWriteUChars)
STUB(ucnv_toUCountPending)
STUB(ucnv_fromUCountPending)
STUB(ucnv_getStandardName)
STUB(ucnv_getAvailableName)
STUB(ucnv_countAvailable)
STUB(ucnv_fromUnicode)
