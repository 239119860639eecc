/*
 * bcryptprimitives.dll shim for Wine 8 (the Windows test lane only; never shipped).
 *
 * Why: Rust-built Python extensions (pydantic-core, so Prefect) import ProcessPrng
 * from bcryptprimitives.dll, which Windows 10+ has and Wine 8 lacks, so their import
 * fails with "DLL load failed ... module not found". This one export fills the buffer
 * from advapi32's RtlGenRandom (SystemFunction036), which Wine implements.
 */
#include <windows.h>

typedef BOOLEAN (WINAPI *RtlGenRandomFn)(PVOID, ULONG);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    static RtlGenRandomFn gen = NULL;
    if (gen == NULL) {
        HMODULE advapi = LoadLibraryA("advapi32.dll");
        if (advapi == NULL)
            return FALSE;
        gen = (RtlGenRandomFn)(void *)GetProcAddress(advapi, "SystemFunction036");
        if (gen == NULL)
            return FALSE;
    }
    /* RtlGenRandom takes a ULONG length: feed large buffers in chunks. */
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!gen(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
