import asyncio


async def job(name, seconds):
    print(f'{name} 开始')
    await asyncio.sleep(seconds)
    print(f'{name} 完成')
    return name.upper()


async def main():
    results = await asyncio.gather(job('a', 3), job('b', 1), job('c', 2))
    print(results)


asyncio.run(main())
