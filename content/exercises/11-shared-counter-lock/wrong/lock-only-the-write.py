import asyncio

balance = 0
lock = asyncio.Lock()


async def deposit(name, amount, arrive_at):
    global balance
    if arrive_at:
        await asyncio.sleep(arrive_at)
    current = balance
    await asyncio.sleep(1)  # 等待银行确认（1 秒）
    # Mistake: the lock protects only the write. The stale read happened before, outside the lock.
    async with lock:
        balance = current + amount
        print(f'{name} 存入 {amount}，余额 {balance}')


async def main():
    await asyncio.gather(
        deposit('小明', 100, 0),
        deposit('小红', 50, 1),
    )
    print('最终余额', balance)


asyncio.run(main())
