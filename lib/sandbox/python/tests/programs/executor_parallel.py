import asyncio
import time

def download(n):
    print("start", n)
    time.sleep(1)
    print("end", n)
    return n

async def main():
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(loop.run_in_executor(None, download, 1), asyncio.to_thread(download, 2))
    print(results, loop.time())

asyncio.run(main())
