import asyncio

def ratio(a, b):
    return a / b

async def main():
    await asyncio.sleep(1)
    print("about to fail")
    ratio(1, 0)

asyncio.run(main())
